package com.performanceos.platform.analytics;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

/**
 * One fact to append, as the outbox relay delivers it. {@code eventId} makes appends idempotent: a redelivered
 * event is stored once. Attributes fill the fact table columns of the same name and must have the column's
 * {@link ColumnType#javaType()}; attributes without a column are ignored.
 *
 * @param eventId the identity of the event, stable across redeliveries
 * @param tenantId the tenant that owns the fact
 * @param type the event type, which also routes the event to fact tables
 * @param occurredAt when it happened; stored with second precision
 * @param attributes typed attribute values by column name
 */
public record AnalyticsEvent(UUID eventId, String tenantId, String type, Instant occurredAt,
		Map<String, Object> attributes) {

	/** Longest tenant id or event type accepted. */
	public static final int MAX_NAME_LENGTH = 100;

	public AnalyticsEvent {
		requireName(tenantId, "Tenant id");
		requireName(type, "Event type");
		occurredAt = occurredAt.truncatedTo(ChronoUnit.SECONDS);
		attributes = Map.copyOf(attributes);
	}

	static String requireName(String value, String what) {
		if (value.isBlank() || value.length() > MAX_NAME_LENGTH) {
			throw new IllegalArgumentException(what + " must be 1 to " + MAX_NAME_LENGTH + " characters, not blank");
		}
		return value;
	}

}
