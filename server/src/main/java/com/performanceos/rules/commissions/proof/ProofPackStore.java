package com.performanceos.rules.commissions.proof;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import com.performanceos.platform.tenancy.TenantTransaction;
import com.performanceos.rules.engine.JsonValues;

/** The only code that names {@code commission_proof_pack}. */
@Component
class ProofPackStore {

	/**
	 * An issued pack.
	 *
	 * @param key its key
	 * @param runId the run's global id
	 * @param period the run's month
	 * @param rep the rep, or null for the whole run
	 * @param certificate the certificate it carried
	 * @param packSha256 the digest of the whole pack
	 * @param issuedBy who downloaded it
	 * @param issuedAt when
	 */
	record Issued(UUID key, String runId, String period, @Nullable String rep, Certificate certificate, String packSha256, String issuedBy,
			Instant issuedAt) {
	}

	Mono<Long> insert(TenantTransaction tx, UUID key, UUID runKey, String period, @Nullable String rep, Certificate certificate, String packSha256,
			String issuedBy) {
		var insert = tx.db().sql("INSERT INTO commission_proof_pack (tenant_id, id, run_id, period, rep_code, certificate, pack_sha256, issued_by) "
				+ "VALUES (:tenant, :id, :run, :period, :rep, CAST(:certificate AS jsonb), :sha, :by)")
			.bind("tenant", tx.tenant()).bind("id", key).bind("run", runKey).bind("period", period)
			.bind("certificate", JsonValues.write(JsonValues.of(certificate.toJson()))).bind("sha", packSha256).bind("by", issuedBy);
		insert = rep == null ? insert.bindNull("rep", String.class) : insert.bind("rep", rep);
		return insert.fetch().rowsUpdated();
	}

	@SuppressWarnings("unchecked")
	Mono<Issued> load(TenantTransaction tx, UUID key) {
		return tx.db().sql("SELECT id, run_id, period, rep_code, certificate::text AS certificate, pack_sha256, issued_by, issued_at "
				+ "FROM commission_proof_pack WHERE id = :id")
			.bind("id", key)
			.map(row -> new Issued(row.get("id", UUID.class),
					com.performanceos.platform.graphql.GlobalId.encode("CalculationRun", row.get("run_id", UUID.class)),
					row.get("period", String.class).strip(), row.get("rep_code", String.class),
					Certificate.fromJson((Map<String, @Nullable Object>) java.util.Objects.requireNonNull(JsonValues.parse(row.get("certificate", String.class)))),
					row.get("pack_sha256", String.class).strip(), row.get("issued_by", String.class),
					row.get("issued_at", OffsetDateTime.class).toInstant()))
			.one();
	}

}
