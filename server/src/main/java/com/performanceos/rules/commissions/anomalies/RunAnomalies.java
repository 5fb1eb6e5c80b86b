package com.performanceos.rules.commissions.anomalies;

import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import com.performanceos.platform.tenancy.TenantTransaction;
import com.performanceos.rules.commissions.plans.Assignments;
import com.performanceos.rules.commissions.runs.RunRecords;
import com.performanceos.rules.sales.Quota;
import com.performanceos.rules.sales.SalesData;

/**
 * A run's anomalies, found when asked from the sales data as the run knew it (its {@code knownAt}), the lines it wrote
 * and the plan assignments as they stand: nothing is stored, so a fixed assignment or a new run clears them, and a
 * submission always checks the state it submits.
 */
@Component
public class RunAnomalies {

	/** How many months before the run's the usual ranges are learnt from. */
	static final int HISTORY_MONTHS = 12;

	/** The most earlier deals the usual ranges read. */
	static final int HISTORY_DEALS_MAX = 200_000;

	private final RunRecords runs;

	private final SalesData sales;

	private final Assignments assignments;

	RunAnomalies(RunRecords runs, SalesData sales, Assignments assignments) {
		this.runs = runs;
		this.sales = sales;
		this.assignments = assignments;
	}

	/** The anomalies of a successful run, gravest first; empty when the run is absent or did not succeed. */
	public Mono<List<Anomaly>> of(TenantTransaction tx, UUID runKey) {
		return runs.run(tx, runKey).filter(run -> "SUCCEEDED".equals(run.status())).flatMap(run -> facts(tx, run)).map(AnomalyDetector::detect);
	}

	private Mono<AnomalyDetector.Facts> facts(TenantTransaction tx, RunRecords.RunSummary run) {
		YearMonth period = run.period();
		YearMonth firstEarlier = period.minusMonths(HISTORY_MONTHS);
		// One connection: the reads run one after the other.
		return sales.creditedDeals(tx, period.atDay(1), period.atEndOfMonth(), run.knownAt(), RunRecords.DEALS_MAX)
			.flatMap(deals -> sales.creditedDeals(tx, firstEarlier.atDay(1), period.minusMonths(1).atEndOfMonth(), run.knownAt(), HISTORY_DEALS_MAX)
				.flatMap(history -> assignments.ofPeriod(tx, period.toString())
					.flatMap(planned -> sales.quotas(tx, period.toString())
						.flatMap(quotas -> runs.directSharePerDeal(tx, run.key())
							.map(shares -> new AnomalyDetector.Facts(deals, history, Set.copyOf(planned.keySet()), quotaReps(quotas), shares))))));
	}

	private static Set<String> quotaReps(List<Quota> quotas) {
		Set<String> reps = new TreeSet<>();
		quotas.forEach(quota -> reps.add(quota.rep()));
		return reps;
	}

}
