package com.performanceos.scenarios.cash;

import java.math.BigDecimal;
import java.util.List;

/**
 * Money in and money out per (day, category) of one recalculation, in cents. The receivables and payables are summed
 * straight from {@link PreparedFacts} without a {@code CashFlow} per invoice; the few hundred other flows (recurring
 * occurrences, run-rate days, one-offs) come from the projector. Exactly the sums of the flows the drill-down lists:
 * every flow is a whole number of cents, and the collection rate is applied per invoice with the same half-even rounding.
 */
final class DailyTotals {

	private static final int CATEGORIES = CashCategory.values().length;

	private static final int RECEIVABLES = CashCategory.RECEIVABLES.ordinal();

	private static final int PAYABLES = CashCategory.PAYABLES.ordinal();

	private final int days;

	/** Index day × CATEGORIES + category ordinal; outflows kept positive, as the buckets show them. */
	private final long[] inflowCents;

	private final long[] outflowCents;

	private DailyTotals(int days) {
		this.days = days;
		this.inflowCents = new long[days * CATEGORIES];
		this.outflowCents = new long[days * CATEGORIES];
	}

	/**
	 * The totals, or an {@link ArithmeticException} when a sum or a product leaves the range of a {@code long} (facts
	 * beyond {@link PreparedFacts#MAXIMUM_CENTS}); the engine then totals the exact flows.
	 */
	static DailyTotals of(PreparedFacts facts, Drivers drivers, List<CashFlow> otherFlows) {
		if (!facts.withinCents()) {
			throw new ArithmeticException("facts beyond the cents range");
		}
		ForecastInputs inputs = facts.inputs();
		DailyTotals totals = new DailyTotals(inputs.horizonDays());
		Rate collected = Rate.of(drivers.collectionRate());
		totals.addAll(facts.receivableDays(), facts.receivableCents(), drivers.collectionDelayShiftDays(), collected, RECEIVABLES);
		totals.addAll(facts.payableDays(), facts.payableCents(), drivers.payablesStretchDays(), Rate.ONE, PAYABLES);
		long asOfDay = inputs.asOf().toEpochDay();
		for (CashFlow flow : otherFlows) {
			totals.add((int) (flow.date().toEpochDay() - asOfDay), flow.category().ordinal(), flow.amount().movePointRight(2).longValueExact());
		}
		return totals;
	}

	BigDecimal inflow(int day, CashCategory category) {
		return BigDecimal.valueOf(inflowCents[day * CATEGORIES + category.ordinal()], 2);
	}

	BigDecimal outflow(int day, CashCategory category) {
		return BigDecimal.valueOf(outflowCents[day * CATEGORIES + category.ordinal()], 2);
	}

	/** Flows before the first day land on it (late, still expected); flows after the last are out of the horizon. */
	private void addAll(int[] dayOffsets, long[] cents, int shiftDays, Rate rate, int category) {
		for (int index = 0; index < dayOffsets.length; index++) {
			int day = dayOffsets[index] + shiftDays;
			if (day >= days) {
				continue;
			}
			add(Math.max(day, 0), category, rate.applyTo(cents[index]));
		}
	}

	private void add(int day, int category, long cents) {
		int slot = day * CATEGORIES + category;
		if (cents > 0) {
			inflowCents[slot] = Math.addExact(inflowCents[slot], cents);
		}
		else if (cents < 0) {
			outflowCents[slot] = Math.subtractExact(outflowCents[slot], cents);
		}
	}

	/**
	 * A factor such as the collection rate as {@code unscaled / 10^scale}, applied to cents with half-even rounding to
	 * whole cents: the same result as {@code BigDecimal.multiply(rate).setScale(2, HALF_EVEN)} on the amount.
	 */
	record Rate(long unscaled, long divisor) {

		static final Rate ONE = new Rate(1, 1);

		/** Factors with more than 18 decimals (which no driver input allows) overflow: the engine falls back to flows. */
		static Rate of(BigDecimal factor) {
			BigDecimal normalised = factor.stripTrailingZeros();
			if (normalised.scale() < 0) {
				normalised = normalised.setScale(0);
			}
			if (normalised.scale() > 18) {
				throw new ArithmeticException("factor " + factor + " has more than 18 decimals");
			}
			return new Rate(normalised.unscaledValue().longValueExact(), BigDecimal.TEN.pow(normalised.scale()).longValueExact());
		}

		long applyTo(long cents) {
			if (divisor == 1) {
				return Math.multiplyExact(cents, unscaled);
			}
			long product = Math.multiplyExact(cents, unscaled);
			long quotient = product / divisor;
			long twiceRemainder = Math.abs(product % divisor) * 2;
			if (twiceRemainder > divisor || (twiceRemainder == divisor && (quotient & 1) != 0)) {
				return quotient + Long.signum(product);
			}
			return quotient;
		}

	}

}
