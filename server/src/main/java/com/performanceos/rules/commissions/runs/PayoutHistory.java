package com.performanceos.rules.commissions.runs;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import com.performanceos.platform.tenancy.TenantTransaction;
import com.performanceos.rules.commissions.plans.AssignCommissionPlan;

/**
 * The published read of past payouts for other packages (rules mined from history): the DIRECT lines that the latest
 * successful run of each period paid, in the caller's tenant transaction. Nothing else of the runs is reachable
 * through it, and it writes nothing.
 */
@Component
public final class PayoutHistory {

	/** The most lines one read returns: a year of a large sales team. */
	public static final int PAYOUTS_MAX = 100_000;

	/**
	 * One paid DIRECT line.
	 *
	 * @param period the run's month, YYYY-MM
	 * @param rep the rep's code
	 * @param dealRef the deal's reference
	 * @param product the deal's product, as the line's trace recorded it
	 * @param region the deal's region, likewise
	 * @param credited the credit the line was computed on
	 * @param amount what it paid
	 * @param currency the currency of both
	 */
	public record Payout(String period, String rep, String dealRef, String product, String region, BigDecimal credited, BigDecimal amount,
			String currency) {
	}

	private final RunStore store;

	PayoutHistory(RunStore store) {
		this.store = store;
	}

	/** The payouts of the periods {@code fromPeriod} to {@code toPeriod} (YYYY-MM, inclusive), {@code max} at most. */
	public Mono<List<Payout>> directPayouts(TenantTransaction tx, String fromPeriod, String toPeriod, int max) {
		if (!AssignCommissionPlan.PERIOD.matcher(fromPeriod).matches() || !AssignCommissionPlan.PERIOD.matcher(toPeriod).matches()) {
			return Mono.error(new IllegalArgumentException("A period is written YYYY-MM"));
		}
		if (max < 1 || max > PAYOUTS_MAX) {
			return Mono.error(new IllegalArgumentException("max must be 1 to " + PAYOUTS_MAX));
		}
		return store.directPayouts(tx, fromPeriod, toPeriod, max);
	}

}
