package com.performanceos.platform.events;

import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns event records into the outbox's {@link DomainEvent} and back, with one JSON mapper: the
 * only place an event is serialised or parsed. Publishers hand records to
 * {@link Outbox#publish(com.performanceos.platform.tenancy.TenantTransaction, Instant, Object)};
 * subscribers ask {@link #received} for the records of one class.
 */
@Component
public final class EventCodec {

	private final JsonMapper json;

	EventCodec(JsonMapper json) {
		this.json = json;
	}

	/** The type name of an {@link EventType} record class. */
	public static String typeOf(Class<?> record) {
		EventType type = record.getAnnotation(EventType.class);
		if (type == null || !record.isRecord()) {
			throw new IllegalArgumentException(record.getName() + " is not an @EventType record");
		}
		return type.value();
	}

	/** A new event of {@code tenant} carrying {@code record}, an {@link EventType} record. */
	public DomainEvent encode(String tenant, Instant occurredAt, Object record) {
		return new DomainEvent(UUID.randomUUID(), tenant, typeOf(record.getClass()), occurredAt, json.writeValueAsString(record));
	}

	/** The record an event carries; the event must be of the record's type. */
	public <E> E decode(DomainEvent event, Class<E> record) {
		String type = typeOf(record);
		if (!type.equals(event.type())) {
			throw new IllegalArgumentException("Event " + event.id() + " is a " + event.type() + ", not a " + type);
		}
		return json.readValue(event.payload(), record);
	}

	/** The live events of one record class in a tenant, decoded. */
	public <E> Flux<Received<E>> received(EventStream stream, String tenant, Class<E> record) {
		return stream.events(tenant, typeOf(record))
			.map(event -> new Received<>(event.id(), event.occurredAt(), decode(event, record)));
	}

	/**
	 * An event as a subscriber receives it.
	 *
	 * @param id the event's id, stable across redeliveries
	 * @param occurredAt when it happened
	 * @param event the record
	 */
	public record Received<E>(UUID id, Instant occurredAt, E event) {
	}

}
