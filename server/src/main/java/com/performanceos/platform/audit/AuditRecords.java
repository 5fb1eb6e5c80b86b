package com.performanceos.platform.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import com.performanceos.platform.tenancy.TenantTransaction;

/**
 * The audit records about given objects, for documents that must carry them (a commission proof pack lists what was
 * done to its run and plan versions). Reads in the caller's transaction, so the records belong to the state it reads.
 */
@Component
public final class AuditRecords {

	/** The most records one call answers. */
	public static final int RECORDS_MAX = 1_000;

	/**
	 * One record, with the hash that chains it.
	 *
	 * @param sequence its position in the tenant's chain
	 * @param occurredAt when
	 * @param actor who
	 * @param action what
	 * @param targetType the kind of object
	 * @param targetId the object's global id
	 * @param afterJson the object after the action as JSON text (a transition's justification, for one), or null
	 * @param hash its chain hash
	 */
	public record Summary(long sequence, Instant occurredAt, String actor, String action, String targetType, @Nullable String targetId,
			@Nullable String afterJson, String hash) {
	}

	/** The records about the objects, in chain order, at most {@link #RECORDS_MAX}. */
	public Mono<List<Summary>> about(TenantTransaction tx, Collection<String> targetIds) {
		if (targetIds.isEmpty()) {
			return Mono.just(List.of());
		}
		return tx.db().sql("SELECT " + AuditRecord.COLUMNS + " FROM audit_log WHERE tenant_id = :tenant AND target_id = ANY(:targets) "
				+ "ORDER BY seq LIMIT :max")
			.bind("tenant", tx.tenant()).bind("targets", targetIds.toArray(String[]::new)).bind("max", RECORDS_MAX)
			.map(row -> new Summary(row.get("seq", Long.class), row.get("occurred_at", OffsetDateTime.class).toInstant(),
					row.get("actor", String.class), row.get("action", String.class), row.get("target_type", String.class),
					row.get("target_id", String.class), row.get("after_image", String.class), row.get("hash", String.class)))
			.all().collectList();
	}

}
