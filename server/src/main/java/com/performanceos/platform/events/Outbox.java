package com.performanceos.platform.events;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

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

	/**
	 * Publishes many events with two statements whatever their number, for bulk writes. Must run
	 * inside {@code TenantDatabase.inTransaction} of the events' tenant.
	 */
	public Mono<Void> publishAll(DatabaseClient db, List<DomainEvent> events) {
		if (events.isEmpty()) {
			return Mono.empty();
		}
		Mono<Void> stored = db.sql("""
				INSERT INTO outbox_event (id, tenant_id, type, payload, occurred_at)
				SELECT id, tenant_id, type, CAST(payload AS jsonb), occurred_at
				FROM unnest(CAST(:ids AS uuid[]), CAST(:tenants AS text[]), CAST(:types AS text[]), CAST(:payloads AS text[]),
				            CAST(:occurredAts AS timestamptz[])) AS e(id, tenant_id, type, payload, occurred_at)""")
			.bind("ids", events.stream().map(DomainEvent::id).toArray(UUID[]::new))
			.bind("tenants", events.stream().map(DomainEvent::tenant).toArray(String[]::new))
			.bind("types", events.stream().map(DomainEvent::type).toArray(String[]::new))
			.bind("payloads", events.stream().map(DomainEvent::payload).toArray(String[]::new))
			.bind("occurredAts", events.stream().map(event -> event.occurredAt().atOffset(ZoneOffset.UTC)).toArray(OffsetDateTime[]::new))
			.then();
		if (sinkNames.length == 0) {
			return stored;
		}
		return stored.then(db.sql("""
				INSERT INTO outbox_delivery (event_id, sink)
				SELECT event_id, sink FROM unnest(CAST(:ids AS uuid[])) AS e(event_id) CROSS JOIN unnest(CAST(:sinks AS text[])) AS s(sink)""")
			.bind("ids", events.stream().map(DomainEvent::id).toArray(UUID[]::new))
			.bind("sinks", sinkNames)
			.then());
	}

}
