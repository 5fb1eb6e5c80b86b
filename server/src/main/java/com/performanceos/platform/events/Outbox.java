package com.performanceos.platform.events;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import com.performanceos.platform.tenancy.TenantTransaction;

/**
 * Writes events in the transaction of the change they announce, with one pending delivery per
 * sink that accepts the event's type: if the transaction rolls back the event never existed; if it
 * commits, the relay delivers it even when every sink is down at that moment.
 */
@Component
public final class Outbox {

	private final List<OutboxSink> sinks;

	/** The sinks accepting each event type; as many entries as the code has event types. */
	private final Map<String, String[]> sinksByType = new ConcurrentHashMap<>();

	private final EventCodec codec;

	Outbox(List<OutboxSink> sinks, EventCodec codec) {
		this.sinks = sinks.stream().sorted(Comparator.comparing(OutboxSink::name)).toList();
		this.codec = codec;
	}

	/**
	 * Publishes an {@link EventType} record of the tenant, serialised by {@link EventCodec}. Must run
	 * inside {@code TenantDatabase.inTransaction} of the tenant.
	 */
	public Mono<Void> publish(TenantTransaction tx, Instant occurredAt, Object event) {
		return publish(tx.db(), codec.encode(tx.tenant(), occurredAt, event));
	}

	/** Must run inside {@code TenantDatabase.inTransaction} of the event's tenant. */
	public Mono<Void> publish(DatabaseClient db, DomainEvent event) {
		Mono<Void> stored = db.sql("""
				INSERT INTO outbox_event (id, tenant_id, type, payload, occurred_at)
				VALUES (:id, :tenant, :type, CAST(:payload AS json), :occurredAt)""")
			.bind("id", event.id())
			.bind("tenant", event.tenant())
			.bind("type", event.type())
			.bind("payload", event.payload())
			.bind("occurredAt", event.occurredAt().atOffset(ZoneOffset.UTC))
			.then();
		String[] sinkNames = sinksFor(event.type());
		if (sinkNames.length == 0) {
			return stored;
		}
		return stored.then(db.sql("INSERT INTO outbox_delivery (event_id, sink) SELECT :id, unnest(CAST(:sinks AS text[]))")
			.bind("id", event.id())
			.bind("sinks", sinkNames)
			.then());
	}

	/**
	 * Publishes many {@link EventType} records of the tenant with two statements whatever their
	 * number. Must run inside {@code TenantDatabase.inTransaction} of the tenant.
	 */
	public Mono<Void> publishAll(TenantTransaction tx, List<Occurred> events) {
		return publishAll(tx.db(), events.stream().map(occurred -> codec.encode(tx.tenant(), occurred.at(), occurred.event())).toList());
	}

	/**
	 * An {@link EventType} record and when it happened, for {@link #publishAll(DatabaseClient, String, List)}.
	 *
	 * @param at when it happened
	 * @param event the record
	 */
	public record Occurred(Instant at, Object event) {
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
				SELECT id, tenant_id, type, CAST(payload AS json), occurred_at
				FROM unnest(CAST(:ids AS uuid[]), CAST(:tenants AS text[]), CAST(:types AS text[]), CAST(:payloads AS text[]),
				            CAST(:occurredAts AS timestamptz[])) AS e(id, tenant_id, type, payload, occurred_at)""")
			.bind("ids", events.stream().map(DomainEvent::id).toArray(UUID[]::new))
			.bind("tenants", events.stream().map(DomainEvent::tenant).toArray(String[]::new))
			.bind("types", events.stream().map(DomainEvent::type).toArray(String[]::new))
			.bind("payloads", events.stream().map(DomainEvent::payload).toArray(String[]::new))
			.bind("occurredAts", events.stream().map(event -> event.occurredAt().atOffset(ZoneOffset.UTC)).toArray(OffsetDateTime[]::new))
			.then();
		List<UUID> deliveryEvents = new ArrayList<>();
		List<String> deliverySinks = new ArrayList<>();
		for (DomainEvent event : events) {
			for (String sink : sinksFor(event.type())) {
				deliveryEvents.add(event.id());
				deliverySinks.add(sink);
			}
		}
		if (deliveryEvents.isEmpty()) {
			return stored;
		}
		return stored.then(db.sql("""
				INSERT INTO outbox_delivery (event_id, sink)
				SELECT event_id, sink FROM unnest(CAST(:ids AS uuid[]), CAST(:sinks AS text[])) AS d(event_id, sink)""")
			.bind("ids", deliveryEvents.toArray(UUID[]::new))
			.bind("sinks", deliverySinks.toArray(String[]::new))
			.then());
	}

	private String[] sinksFor(String eventType) {
		return sinksByType.computeIfAbsent(eventType,
				type -> sinks.stream().filter(sink -> sink.accepts(type)).map(OutboxSink::name).toArray(String[]::new));
	}

}
