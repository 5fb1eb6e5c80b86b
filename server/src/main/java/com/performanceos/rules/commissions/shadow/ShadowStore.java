package com.performanceos.rules.commissions.shadow;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import com.performanceos.platform.tenancy.TenantTransaction;

/** The only code that names {@code commission_shadow} and {@code commission_shadow_rep}. */
@Component
class ShadowStore {

	/** The most reps one shadow keeps: the calculation's own bound on reps per run. */
	static final int REPS_MAX = 100_000;

	private static final String COLUMNS = "id, rule_version_id, period, threshold, currency, status, computed_by, computed_at, approved_by, "
			+ "approved_at, justification";

	Mono<ShadowDiff> insert(TenantTransaction tx, ShadowDiff diff) {
		String[] reps = diff.reps().stream().map(ShadowDiff.RepDiff::rep).toArray(String[]::new);
		String[] before = diff.reps().stream().map(rep -> rep.before().toPlainString()).toArray(String[]::new);
		String[] after = diff.reps().stream().map(rep -> rep.after().toPlainString()).toArray(String[]::new);
		return tx.db().sql("INSERT INTO commission_shadow (tenant_id, id, rule_version_id, period, threshold, max_difference, currency, digest, status, "
				+ "computed_by) VALUES (:tenant, :id, :version, :period, :threshold, :max, :currency, :digest, :status, :by)")
			.bind("tenant", tx.tenant()).bind("id", diff.key()).bind("version", diff.versionKey()).bind("period", diff.period())
			.bind("threshold", diff.threshold()).bind("max", diff.maxDifference()).bind("currency", diff.currency())
			.bind("digest", ShadowDiff.digest(diff.versionKey(), diff.period(), diff.reps())).bind("status", diff.status())
			.bind("by", diff.computedBy())
			.fetch().rowsUpdated()
			.then(reps.length == 0 ? Mono.just(0L) : tx.db().sql("""
					INSERT INTO commission_shadow_rep (tenant_id, shadow_id, rep_code, payable_before, payable_after, difference)
					SELECT :tenant, :shadow, rep, before, after, after - before
					FROM unnest(CAST(:reps AS text[]), CAST(:before AS numeric[]), CAST(:after AS numeric[])) AS r(rep, before, after)""")
				.bind("tenant", tx.tenant()).bind("shadow", diff.key()).bind("reps", reps).bind("before", before).bind("after", after)
				.fetch().rowsUpdated())
			.then(byKey(tx, diff.key()));
	}

	/** The newest shadow of the version, if any. */
	Mono<ShadowDiff> latest(TenantTransaction tx, UUID versionKey) {
		return tx.db().sql("SELECT " + COLUMNS + " FROM commission_shadow WHERE rule_version_id = :version ORDER BY computed_at DESC, id LIMIT 1")
			.bind("version", versionKey).map(ShadowStore::toShadow).one().flatMap(shadow -> withReps(tx, shadow));
	}

	/** The key of a shadow of the version with this digest and status, if one exists. */
	Mono<UUID> withDigest(TenantTransaction tx, UUID versionKey, String digest, String status) {
		return tx.db().sql("SELECT id FROM commission_shadow WHERE rule_version_id = :version AND digest = :digest AND status = :status LIMIT 1")
			.bind("version", versionKey).bind("digest", digest).bind("status", status).map(row -> row.get("id", UUID.class)).one();
	}

	/** The newest BLOCKED shadow of the version, locked for its approval. */
	Mono<ShadowDiff> latestBlocked(TenantTransaction tx, UUID versionKey) {
		return tx.db().sql("SELECT " + COLUMNS + " FROM commission_shadow WHERE rule_version_id = :version AND status = 'BLOCKED' "
				+ "ORDER BY computed_at DESC, id LIMIT 1 FOR UPDATE")
			.bind("version", versionKey).map(ShadowStore::toShadow).one().flatMap(shadow -> withReps(tx, shadow));
	}

	Mono<ShadowDiff> approve(TenantTransaction tx, UUID key, String approvedBy, String justification) {
		return tx.db().sql("UPDATE commission_shadow SET status = 'APPROVED', approved_by = :by, approved_at = clock_timestamp(), "
				+ "justification = :justification WHERE id = :id AND status = 'BLOCKED'")
			.bind("id", key).bind("by", approvedBy).bind("justification", justification).fetch().rowsUpdated().then(byKey(tx, key));
	}

	private Mono<ShadowDiff> byKey(TenantTransaction tx, UUID key) {
		return tx.db().sql("SELECT " + COLUMNS + " FROM commission_shadow WHERE id = :id").bind("id", key).map(ShadowStore::toShadow).one()
			.flatMap(shadow -> withReps(tx, shadow));
	}

	private Mono<ShadowDiff> withReps(TenantTransaction tx, ShadowDiff shadow) {
		return tx.db().sql("SELECT rep_code, payable_before, payable_after FROM commission_shadow_rep WHERE shadow_id = :id ORDER BY rep_code LIMIT "
				+ REPS_MAX)
			.bind("id", shadow.key())
			.map(row -> new ShadowDiff.RepDiff(row.get("rep_code", String.class), row.get("payable_before", BigDecimal.class),
					row.get("payable_after", BigDecimal.class)))
			.all().collectList()
			.map(reps -> new ShadowDiff(shadow.key(), shadow.versionKey(), shadow.period(), shadow.threshold(), shadow.currency(), List.copyOf(reps),
					shadow.status(), shadow.computedBy(), shadow.computedAt(), shadow.approvedBy(), shadow.approvedAt(), shadow.justification()));
	}

	private static ShadowDiff toShadow(Readable row) {
		OffsetDateTime approvedAt = row.get("approved_at", OffsetDateTime.class);
		return new ShadowDiff(row.get("id", UUID.class), row.get("rule_version_id", UUID.class), row.get("period", String.class).strip(),
				row.get("threshold", BigDecimal.class), row.get("currency", String.class).strip(), List.of(), row.get("status", String.class),
				row.get("computed_by", String.class), row.get("computed_at", OffsetDateTime.class).toInstant(), row.get("approved_by", String.class),
				approvedAt == null ? null : approvedAt.toInstant(), row.get("justification", String.class));
	}

}
