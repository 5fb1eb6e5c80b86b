package com.performanceos.rules.commissions.plans;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import com.performanceos.platform.tenancy.TenantTransaction;

/** The only code that names {@code commission_assignment}: which plan version pays which rep in a month. */
@Component
public class Assignments {

	/** The most reps one assignment call or one period holds. */
	public static final int REPS_MAX = 100_000;

	/** Assigns (or reassigns) the version to the reps for the period. */
	public Mono<Long> assign(TenantTransaction tx, String period, List<String> reps, UUID versionKey, String assignedBy) {
		return tx.db().sql("""
				INSERT INTO commission_assignment (tenant_id, id, rep_code, period, rule_version_id, assigned_by)
				SELECT :tenant, gen_random_uuid(), rep, :period, :version, :by FROM unnest(CAST(:reps AS text[])) AS r(rep)
				ON CONFLICT (tenant_id, period, rep_code)
				DO UPDATE SET rule_version_id = EXCLUDED.rule_version_id, assigned_by = EXCLUDED.assigned_by, assigned_at = clock_timestamp()""")
			.bind("tenant", tx.tenant()).bind("period", period).bind("version", versionKey).bind("by", assignedBy)
			.bind("reps", reps.toArray(String[]::new))
			.fetch().rowsUpdated();
	}

	/** The version key paying each rep in the period. */
	public Mono<Map<String, UUID>> ofPeriod(TenantTransaction tx, String period) {
		return tx.db().sql("SELECT rep_code, rule_version_id FROM commission_assignment WHERE period = :period ORDER BY rep_code LIMIT :max")
			.bind("period", period).bind("max", REPS_MAX)
			.map(row -> Map.entry(row.get("rep_code", String.class), row.get("rule_version_id", UUID.class)))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue, java.util.TreeMap::new)
			.map(map -> map);
	}

}
