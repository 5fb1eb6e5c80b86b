package com.performanceos.scenarios.cash;

import java.math.BigDecimal;
import java.util.List;

/**
 * The hypotheses of a scenario, all resolved (no inheritance left). Fractions, not percentages:
 * a growth of 0.10 is +10 %.
 *
 * @param revenueGrowth multiplies new business by (1 + growth)
 * @param collectionDelayShiftDays added to every receivable's expected date (after the customer's own delay)
 * @param collectionRate the share of each receivable expected to be collected (1 = all)
 * @param payablesStretchDays added to every bill's due date
 * @param recurringExpenseChange multiplies recurring outflows by (1 + change); recurring inflows are unchanged
 */
public record Drivers(BigDecimal revenueGrowth, int collectionDelayShiftDays, BigDecimal collectionRate,
		int payablesStretchDays, BigDecimal recurringExpenseChange, List<OneOff> oneOffs) {

	public Drivers {
		if (collectionRate.signum() < 0 || collectionRate.compareTo(BigDecimal.ONE) > 0) {
			throw new IllegalArgumentException("collection rate must be within [0, 1], was " + collectionRate);
		}
		if (revenueGrowth.compareTo(BigDecimal.ONE.negate()) < 0 || recurringExpenseChange.compareTo(BigDecimal.ONE.negate()) < 0) {
			throw new IllegalArgumentException("growth and expense change cannot be below −100 %");
		}
		if (Math.abs(collectionDelayShiftDays) > 365 || Math.abs(payablesStretchDays) > 365) {
			throw new IllegalArgumentException("day shifts must be within a year");
		}
		oneOffs = List.copyOf(oneOffs);
	}

}
