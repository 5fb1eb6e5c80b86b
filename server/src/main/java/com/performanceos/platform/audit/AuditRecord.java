package com.performanceos.platform.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;

import com.performanceos.platform.graphql.GlobalId;

/**
 * One stored entry of a tenant's audit chain, as read back. The before and after images stay the
 * JSON text PostgreSQL normalised and hashed, so exports reproduce them byte for byte.
 *
 * @param key the primary key
 * @param sequence the position in the tenant's chain, from 1
 * @param occurredAt when the action happened
 * @param actor who did it
 * @param action what was done
 * @param targetType the kind of object acted on
 * @param targetId the acted-on object's global id, when there is one
 * @param sourceAddress the caller's network address, when known
 * @param beforeJson the object before the action as JSON text, or null
 * @param afterJson the object after the action as JSON text, or null
 * @param previousHash the hash of the previous entry
 * @param hash the hash of this entry
 */
record AuditRecord(UUID key, long sequence, Instant occurredAt, String actor, String action, String targetType,
		@Nullable String targetId, @Nullable String sourceAddress, @Nullable String beforeJson,
		@Nullable String afterJson, String previousHash, String hash) {

	static final String TYPE_NAME = "AuditRecord";

	/** The columns {@link #from(Readable)} reads, with the images as JSON text. */
	static final String COLUMNS = "id, seq, occurred_at, actor, action, target_type, target_id, source_address, "
			+ "before_image::text AS before_image, after_image::text AS after_image, prev_hash, hash";

	/** The global id of the {@code Node} interface. */
	String id() {
		return GlobalId.encode(TYPE_NAME, key);
	}

	static AuditRecord from(Readable row) {
		return new AuditRecord(row.get("id", UUID.class), row.get("seq", Long.class),
				row.get("occurred_at", OffsetDateTime.class).toInstant(), row.get("actor", String.class),
				row.get("action", String.class), row.get("target_type", String.class), row.get("target_id", String.class),
				row.get("source_address", String.class), row.get("before_image", String.class),
				row.get("after_image", String.class), row.get("prev_hash", String.class), row.get("hash", String.class));
	}

}
