package com.performanceos.rules.commissions.plans;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.performanceos.rules.engine.expressions.CompiledExpression;

/**
 * A commission plan as a version of a {@code COMMISSION_PLAN} rule defines it (read by {@link PlanDefinitions}).
 *
 * @param currency the currency it pays in; deals in another currency are converted at the close date's rate
 * @param measure what a deal is credited on
 * @param eligibility the CEL condition a deal must meet for a rep (variables in {@link PlanDefinitions#ELIGIBILITY_VARIABLES})
 * @param baseRates the base rate table (role × product × region, first matching row), possibly empty
 * @param method how quota attainment tiers apply
 * @param tiers the attainment tiers, from 0 % upward
 * @param rollUpRatePercent managers above the credited rep (as of the close date) earn this rate on the rep's
 *        credit, kept apart from their own credit; null for no roll-up
 * @param capPerPeriod the most a rep earns in a period before clawbacks and draws; null for no cap
 * @param clawbackWindowDays a deal cancelled at most this many days after it closed is clawed back; null for never
 * @param draw a guaranteed amount per period, recovered or not from later earnings; null for none
 */
public record CommissionPlan(Currency currency, Measure measure, CompiledExpression eligibility, List<RateRow> baseRates,
		TierMethod method, List<Tier> tiers, @Nullable BigDecimal rollUpRatePercent, @Nullable BigDecimal capPerPeriod,
		@Nullable Integer clawbackWindowDays, @Nullable Draw draw) {

	/** What a deal is credited on. */
	public enum Measure {

		/** The deal's amount. */
		AMOUNT,
		/** The deal's annual recurring revenue. */
		ARR

	}

	/** How attainment tiers apply to a period's credit. */
	public enum TierMethod {

		/** Each slice of credit at the rate of the tier it falls in. */
		GRADUATED,
		/** All the credit at the rate of the tier finally reached. */
		RETROACTIVE

	}

	/**
	 * A row of the base rate table; {@code *} matches anything.
	 *
	 * @param role the rep's role (AE, SDR...)
	 * @param product the deal's product
	 * @param region the deal's region
	 * @param ratePercent the base rate, in percent
	 */
	public record RateRow(String role, String product, String region, BigDecimal ratePercent) {

		public static final String ANY = "*";

		boolean matches(String role, String product, String region) {
			return matches(this.role, role) && matches(this.product, product) && matches(this.region, region);
		}

		private static boolean matches(String pattern, String value) {
			return ANY.equals(pattern) || pattern.equals(value);
		}

		public Map<String, Object> trace(int index) {
			return Map.of("row", index + 1, "role", role, "product", product, "region", region, "ratePercent", ratePercent);
		}

	}

	/**
	 * A quota attainment tier, from its lower bound up to the next tier's.
	 *
	 * @param name how statements and traces name it
	 * @param fromAttainmentPercent where it starts, in percent of quota (the first tier starts at 0)
	 * @param ratePercent its rate, in percent; null when it scales the base rate instead
	 * @param multiplierPercent the accelerator (above 100) or decelerator (below) applied to the base rate; null with a rate
	 */
	public record Tier(String name, BigDecimal fromAttainmentPercent, @Nullable BigDecimal ratePercent,
			@Nullable BigDecimal multiplierPercent) {
	}

	/**
	 * A draw: an advance paid when earnings fall short of it.
	 *
	 * @param amountPerPeriod what a rep is guaranteed per period
	 * @param recoverable whether the advance is recovered from later earnings above the draw
	 */
	public record Draw(BigDecimal amountPerPeriod, boolean recoverable) {
	}

	/** The first base rate row matching, or -1. */
	public int rateRow(String role, String product, String region) {
		for (int index = 0; index < baseRates.size(); index++) {
			if (baseRates.get(index).matches(role, product, region)) {
				return index;
			}
		}
		return -1;
	}

}
