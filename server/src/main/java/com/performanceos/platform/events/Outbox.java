package com.performanceos.platform.events;

import java.time.ZoneOffset;
import java.util.List;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Writes events in the transaction of the change they announce, with one pending delivery per
 * sink: if the transaction rolls back the event never existed; if it commits, the relay delivers
 * it even when every sink is down at that moment.
 */
@Component
public final class Outbox {

	private final String[] sinkNames;

	Outbox(List<OutboxSink> sinks) {
		this.sinkNames = sinks.stream().map(OutboxSink::name).sorted().toArray(String[]::new);
	}

	/** Must run inside {@code TenantDatabase.inTransaction} of the event's tenant. */
	public Mono<Void> publish(DatabaseClient db, DomainEvent event) {
		Mono<Void> stored = db.sql("""
				INSERT INTO outbox_event (id, tenant_id, type, payload, occurred_at)
				VALUES (:id, :tenant, :type, CAST(:payload AS jsonb), :occurredAt)""")
			.bind("id", event.id())
			.bind("tenant", event.tenant())
			.bind("type", event.type())
			.bind("payload", event.payload())
			.bind("occurredAt", event.occurredAt().atOffset(ZoneOffset.UTC))
			.then();
		if (sinkNames.length == 0) {
			return stored;
		}
		return stored.then(db.sql("INSERT INTO outbox_delivery (event_id, sink) SELECT :id, unnest(CAST(:sinks AS text[]))")
			.bind("id", event.id())
			.bind("sinks", sinkNames)
			.then());
	}

}
