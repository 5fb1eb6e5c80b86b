package com.performanceos.rules.commissions.runs;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import com.performanceos.platform.graphql.GlobalId;
import com.performanceos.platform.security.Viewer;
import com.performanceos.platform.tenancy.TenantTransaction;

/**
 * The runs' published read port for the commission features built beside them (anomalies, inquiries): a run's
 * summary, what its lines credit per deal, one line, and whose figures a viewer may read. Only this package names the
 * run tables; the others read them here, inside their own tenant transaction.
 */
@Component
public final class RunRecords {

	/** The GraphQL type name of a run's global id. */
	public static final String RUN_TYPE = CalculationRun.TYPE_NAME;

	/** The most deals one run's per-deal credit read answers: a run's deal rows are bounded the same way. */
	public static final int DEALS_MAX = RunInputs.DEALS_MAX;

	private final RunStore store;

	private final CommissionAccess access;

	RunRecords(RunStore store, CommissionAccess access) {
		this.store = store;
		this.access = access;
	}

	/**
	 * What the features beside the runs need of a run.
	 *
	 * @param key its primary key
	 * @param period its month
	 * @param knownAt the instant it read the sales data as known at
	 * @param status QUEUED, RUNNING, SUCCEEDED or FAILED
	 */
	public record RunSummary(UUID key, YearMonth period, Instant knownAt, String status) {

		public String id() {
			return GlobalId.encode(RUN_TYPE, key);
		}

	}

	/**
	 * A commission line as an inquiry names it.
	 *
	 * @param key its primary key
	 * @param runKey its run
	 * @param period its run's month
	 * @param rep who earns it
	 * @param dealRef the deal's CRM reference
	 * @param amount what it pays
	 * @param currency in which currency
	 */
	public record LineSummary(UUID key, UUID runKey, YearMonth period, String rep, String dealRef, BigDecimal amount, String currency) {
	}

	/** The key of a run's global id, if it is one. */
	public static Optional<UUID> runKey(String id) {
		return GlobalId.decode(id, RUN_TYPE);
	}

	/** The key of a commission line's global id, if it is one. */
	public static Optional<UUID> lineKey(String id) {
		return GlobalId.decode(id, CommissionLine.TYPE_NAME);
	}

	public Mono<RunSummary> run(TenantTransaction tx, UUID key) {
		return store.run(tx, key).map(run -> new RunSummary(run.key(), YearMonth.parse(run.period()), run.knownAt(), run.status()));
	}

	/** Each deal's DIRECT credit in the run, summed over its lines, in percent (a deal without a DIRECT line is absent). */
	public Mono<Map<UUID, BigDecimal>> directSharePerDeal(TenantTransaction tx, UUID runKey) {
		return tx.db().sql("""
				SELECT deal_id, sum(share_percent) AS share FROM commission_line
				WHERE run_id = :run AND kind = 'DIRECT' GROUP BY deal_id ORDER BY deal_id LIMIT :max""")
			.bind("run", runKey).bind("max", DEALS_MAX)
			.map(row -> Map.entry(row.get("deal_id", UUID.class), row.get("share", BigDecimal.class)))
			.all().collectMap(Map.Entry::getKey, Map.Entry::getValue, java.util.HashMap::new).map(map -> map);
	}

	public Mono<LineSummary> line(TenantTransaction tx, UUID key) {
		return store.linesByKey(tx, java.util.List.of(key)).flatMap(found -> found.isEmpty() ? Mono.empty() : Mono.just(found.getFirst()))
			.map(line -> new LineSummary(line.key(), line.runKey(), YearMonth.parse(line.period()), line.rep(), line.dealRef(), line.amount(),
					line.currency()));
	}

	/** Whether the viewer may read the rep's figures of the month (a REP their own, a MANAGER their team then). */
	public Mono<Boolean> mayRead(TenantTransaction tx, Viewer viewer, YearMonth period, String rep) {
		return access.scope(tx, viewer, period).map(scope -> scope.allows(rep));
	}

	/** The reps whose figures of the month the viewer may read; empty when all. */
	public Mono<Optional<Set<String>>> readable(TenantTransaction tx, Viewer viewer, YearMonth period) {
		return access.scope(tx, viewer, period).map(scope -> Optional.ofNullable(scope.reps()));
	}

}
