package com.performanceos.platform.events;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;

import com.performanceos.platform.graphql.GlobalId;

/**
 * The schema's {@code ParkedEvent}: a delivery of one event to one sink that the sink refused for a permanent reason.
 *
 * @param key the row's primary key
 * @param sequence the order of parking, the keyset of {@code parkedEvents}
 * @param eventId the outbox event's id, as in logs and in the analytics store
 * @param tenant the event's tenant
 * @param eventType the event's type
 * @param occurredAt when the event happened
 * @param sink the sink that refused it
 * @param reason why, in the sink's words
 * @param attempts how many deliveries were tried in all
 * @param parkedAt when it was (last) parked
 * @param replayedAt when it was replayed, null while parked
 * @param replayedBy who replayed it, null while parked
 */
record ParkedEvent(UUID key, long sequence, UUID eventId, String tenant, String eventType, Instant occurredAt, String sink,
		String reason, int attempts, Instant parkedAt, @Nullable Instant replayedAt, @Nullable String replayedBy) {

	static final String TYPE_NAME = "ParkedEvent";

	static final String COLUMNS = "id, seq, event_id, tenant_id, event_type, occurred_at, sink, reason, attempts, parked_at, "
			+ "replayed_at, replayed_by";

	String id() {
		return GlobalId.encode(TYPE_NAME, key);
	}

	static ParkedEvent from(Readable row) {
		OffsetDateTime replayedAt = row.get("replayed_at", OffsetDateTime.class);
		return new ParkedEvent(row.get("id", UUID.class), row.get("seq", Long.class), row.get("event_id", UUID.class),
				row.get("tenant_id", String.class), row.get("event_type", String.class),
				row.get("occurred_at", OffsetDateTime.class).toInstant(), row.get("sink", String.class),
				row.get("reason", String.class), row.get("attempts", Integer.class),
				row.get("parked_at", OffsetDateTime.class).toInstant(), replayedAt == null ? null : replayedAt.toInstant(),
				row.get("replayed_by", String.class));
	}

}
