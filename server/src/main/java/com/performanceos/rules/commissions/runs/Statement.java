package com.performanceos.rules.commissions.runs;

import com.performanceos.rules.commissions.calculation.CalculationResult;

/**
 * A rep's statement for a period (the schema's {@code CommissionStatement}): their total in the period's latest
 * successful run, and that run's lines for them.
 *
 * @param rep the rep's code
 * @param run the run it comes from
 * @param total the rep's figures
 */
public record Statement(String rep, CalculationRun run, CalculationResult.RepTotal total) {

	/** The statement's month, for the fields other packages add to {@code CommissionStatement}. */
	public java.time.YearMonth period() {
		return java.time.YearMonth.parse(run.period());
	}

}
