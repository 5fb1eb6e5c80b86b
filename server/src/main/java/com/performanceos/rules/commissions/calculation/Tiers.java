package com.performanceos.rules.commissions.calculation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.performanceos.rules.commissions.calculation.CalculationInputs.CreditedDeal;
import com.performanceos.rules.commissions.plans.CommissionPlan;

/**
 * A rep's attainment tiers for a period: each tier's lower bound in money (quota × its percent), and the rate of a
 * credit slice in it. GRADUATED pays each slice of the cumulative credit at its own tier's rate; RETROACTIVE pays
 * all of the period's credit at the rate of the tier the total reaches. A tier applies strictly above its lower
 * bound ("15 % above 100 %"), so exactly 100 % stays in the tier below. Without a quota, everything is in the first tier.
 */
final class Tiers {

	private static final BigDecimal HUNDRED = new BigDecimal("100");

	private final CommissionPlan plan;

	private final @Nullable BigDecimal quota;

	/** Lower bounds in money, one per tier; null without a usable quota. */
	private final BigDecimal @Nullable [] bounds;

	Tiers(CommissionPlan plan, @Nullable BigDecimal quota) {
		this.plan = plan;
		this.quota = quota == null || quota.signum() <= 0 ? null : quota;
		if (this.quota == null) {
			this.bounds = null;
		}
		else {
			this.bounds = new BigDecimal[plan.tiers().size()];
			for (int index = 0; index < bounds.length; index++) {
				bounds[index] = this.quota.multiply(plan.tiers().get(index).fromAttainmentPercent()).divide(HUNDRED, 6, RoundingMode.HALF_UP);
			}
		}
	}

	/**
	 * How one credit was paid.
	 *
	 * @param amount the unrounded amount
	 * @param tierReached the 0-based tier the cumulative credit reached after this credit (the period's for RETROACTIVE)
	 * @param rateRow the base rate row used, 0-based, or -1
	 * @param slices each tier slice with its rate and amount
	 * @param quota the quota, if any
	 * @param before cumulative credit before this one
	 * @param method the plan's method
	 */
	record Applied(BigDecimal amount, int tierReached, int rateRow, List<Map<String, @Nullable Object>> slices, @Nullable BigDecimal quota,
			BigDecimal before, CommissionPlan.TierMethod method) {
	}

	/** Pays {@code credited} on top of {@code before}, knowing the rep's {@code periodTotal} (for RETROACTIVE). */
	Applied apply(CreditedDeal deal, String role, BigDecimal before, BigDecimal credited, BigDecimal periodTotal) {
		int row = plan.rateRow(role, deal.product(), deal.region());
		BigDecimal baseRate = row < 0 ? null : plan.baseRates().get(row).ratePercent();
		List<Map<String, @Nullable Object>> slices = new ArrayList<>();
		BigDecimal after = before.add(credited);
		if (plan.method() == CommissionPlan.TierMethod.RETROACTIVE || bounds == null) {
			int tier = bounds == null ? 0 : tierOf(periodTotal);
			BigDecimal rate = rate(tier, baseRate);
			BigDecimal amount = credited.multiply(rate).divide(HUNDRED, 10, RoundingMode.HALF_UP);
			slices.add(slice(tier, credited, rate, amount));
			return new Applied(amount, tier, row, slices, quota, before, plan.method());
		}
		BigDecimal amount = BigDecimal.ZERO;
		for (int tier = 0; tier < bounds.length; tier++) {
			BigDecimal low = before.max(bounds[tier]);
			BigDecimal high = tier + 1 < bounds.length ? after.min(bounds[tier + 1]) : after;
			if (high.compareTo(low) <= 0) {
				continue;
			}
			BigDecimal rate = rate(tier, baseRate);
			BigDecimal part = high.subtract(low).multiply(rate).divide(HUNDRED, 10, RoundingMode.HALF_UP);
			amount = amount.add(part);
			slices.add(slice(tier, high.subtract(low), rate, part));
		}
		return new Applied(amount, tierOf(after), row, slices, quota, before, plan.method());
	}

	private int tierOf(BigDecimal credit) {
		int reached = 0;
		for (int tier = 1; tier < java.util.Objects.requireNonNull(bounds).length; tier++) {
			if (credit.compareTo(bounds[tier]) > 0) {
				reached = tier;
			}
		}
		return reached;
	}

	/** A tier's rate: its own, or its multiplier of the base rate (zero when no base row matched). */
	private BigDecimal rate(int tier, @Nullable BigDecimal baseRate) {
		CommissionPlan.Tier definition = plan.tiers().get(tier);
		if (definition.ratePercent() != null) {
			return definition.ratePercent();
		}
		if (baseRate == null) {
			return BigDecimal.ZERO;
		}
		return baseRate.multiply(java.util.Objects.requireNonNull(definition.multiplierPercent())).divide(HUNDRED, 10, RoundingMode.HALF_UP);
	}

	private Map<String, @Nullable Object> slice(int tier, BigDecimal credit, BigDecimal rate, BigDecimal amount) {
		CommissionPlan.Tier definition = plan.tiers().get(tier);
		Map<String, @Nullable Object> slice = new LinkedHashMap<>();
		slice.put("tier", tier + 1);
		slice.put("name", definition.name());
		slice.put("fromAttainmentPercent", definition.fromAttainmentPercent());
		slice.put("credit", credit);
		slice.put("ratePercent", rate);
		slice.put("amount", amount);
		return slice;
	}

}
