package com.performanceos.platform.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A fact that happened in a tenant, as stored in the outbox and delivered to every sink.
 *
 * @param id unique and stable across redeliveries: sinks deduplicate on it
 * @param tenant the tenant it happened in; subscribers of other tenants never receive it
 * @param type the past-tense event name, e.g. {@code ledger.AccountCreated}
 * @param occurredAt when it happened
 * @param payload the event's data as a JSON object
 */
public record DomainEvent(UUID id, String tenant, String type, Instant occurredAt, String payload) {

	public DomainEvent {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(tenant, "tenant");
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(occurredAt, "occurredAt");
		Objects.requireNonNull(payload, "payload");
	}

}
