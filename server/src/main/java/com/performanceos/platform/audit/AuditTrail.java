package com.performanceos.platform.audit;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import com.performanceos.platform.tenancy.TenantTransaction;

/**
 * Appends to the tenant's hash chain, inside the transaction of the action it records, so an
 * action and its audit record commit or vanish together. The chain head row is locked for the
 * rest of the transaction: appends of one tenant are serialised, other tenants are not blocked.
 */
@Component
public final class AuditTrail {

	/** The previous hash of a chain's first record. */
	static final String GENESIS_HASH = "0".repeat(64);

	private final JsonMapper json;

	AuditTrail(JsonMapper json) {
		this.json = json;
	}

	/** Must run inside {@code TenantDatabase.inTransaction} of the tenant. */
	public Mono<Void> record(TenantTransaction tx, AuditEntry entry) {
		return tx.db().sql("""
				INSERT INTO audit_chain_head AS head (tenant_id, last_seq, last_hash)
				VALUES (:tenant, 1, :genesis)
				ON CONFLICT (tenant_id) DO UPDATE SET last_seq = head.last_seq + 1
				RETURNING last_seq, last_hash""")
			.bind("tenant", tx.tenant())
			.bind("genesis", GENESIS_HASH)
			.map(row -> new Head(row.get("last_seq", Long.class), row.get("last_hash", String.class)))
			.one()
			.flatMap(head -> append(tx, head, entry));
	}

	private Mono<Void> append(TenantTransaction tx, Head head, AuditEntry entry) {
		OffsetDateTime occurredAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
		GenericExecuteSpec spec = tx.db().sql("""
				WITH entry AS (
				  INSERT INTO audit_log (tenant_id, seq, id, occurred_at, actor, action, target_type, target_id,
				                         source_address, before_image, after_image, prev_hash, hash)
				  VALUES (:tenant, :seq, :id, :occurredAt, :actor, :action, :targetType, :targetId, :sourceAddress,
				          CAST(:before AS jsonb), CAST(:after AS jsonb), :prevHash,
				          audit_record_hash(:prevHash, :seq, :id, :occurredAt, :actor, :action, :targetType, :targetId,
				                            :sourceAddress, CAST(:before AS jsonb), CAST(:after AS jsonb)))
				  RETURNING hash)
				UPDATE audit_chain_head SET last_hash = (SELECT hash FROM entry) WHERE tenant_id = :tenant""")
			.bind("tenant", tx.tenant())
			.bind("seq", head.seq())
			.bind("id", UUID.randomUUID())
			.bind("occurredAt", occurredAt)
			.bind("actor", entry.actor())
			.bind("action", entry.action())
			.bind("targetType", entry.targetType())
			.bind("prevHash", head.previousHash());
		spec = bindNullable(spec, "targetId", entry.targetId());
		spec = bindNullable(spec, "sourceAddress", entry.sourceAddress());
		spec = bindNullable(spec, "before", toJson(entry.before()));
		spec = bindNullable(spec, "after", toJson(entry.after()));
		return spec.then();
	}

	private @Nullable String toJson(@Nullable Object image) {
		return image == null ? null : json.writeValueAsString(image);
	}

	private static GenericExecuteSpec bindNullable(GenericExecuteSpec spec, String name, @Nullable String value) {
		return value == null ? spec.bindNull(name, String.class) : spec.bind(name, value);
	}

	private record Head(long seq, String previousHash) {
	}

}
