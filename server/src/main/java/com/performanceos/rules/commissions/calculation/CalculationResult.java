package com.performanceos.rules.commissions.calculation;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What a calculation produced.
 *
 * @param lines the commission lines, in rep then deal order
 * @param totals one per rep with a line, a clawback or something carried
 * @param digest SHA-256 (hex) over the inputs and the outputs
 * @param notes reps credited without a plan and deals not credited, with why (anomalies to show)
 */
public record CalculationResult(List<Line> lines, List<RepTotal> totals, String digest, List<String> notes) {

	/** What a line pays for. */
	public enum LineKind {

		/** The rep's own credit on a deal. */
		DIRECT,
		/** A manager's roll-up on a deal of someone they manage; not counted in credited bookings. */
		ROLLUP,
		/** Taking back what was paid on a deal cancelled within the clawback window. */
		CLAWBACK

	}

	/**
	 * One commission line.
	 *
	 * @param seq its position in the run
	 * @param rep who earns it
	 * @param kind what it pays for
	 * @param dealKey the deal
	 * @param dealRef the deal's reference
	 * @param sharePercent the rep's share of the deal
	 * @param credited the credit it is computed on
	 * @param amount what it pays (negative for a clawback)
	 * @param tier the 1-based tier finally reached by the line's credit, for a DIRECT line
	 * @param trace how the amount was found (plan version, rate row, tiers, inputs, intermediates)
	 */
	public record Line(int seq, String rep, LineKind kind, UUID dealKey, String dealRef, BigDecimal sharePercent, BigDecimal credited,
			BigDecimal amount, @Nullable Integer tier, Map<String, @Nullable Object> trace) {
	}

	/**
	 * A rep's figures for the period.
	 *
	 * @param rep the rep
	 * @param versionKey the plan version paying them, if any
	 * @param credited their own credit (bookings, counted once per deal across reps)
	 * @param rollUpCredited the credit of the people they manage, kept apart
	 * @param quota their quota, if any
	 * @param attainmentPercent own credit over quota, in percent
	 * @param gross the sum of their DIRECT and ROLLUP lines
	 * @param capAdjustment what the cap took off (zero or negative)
	 * @param clawback what cancelled deals took back this period
	 * @param clawbackCarryIn clawback carried in from the previous period
	 * @param clawbackCarryOut clawback left to net against the next period
	 * @param drawPaid the draw advanced this period
	 * @param drawRecovered the earlier draw recovered this period
	 * @param drawBalanceOut recoverable draw still outstanding
	 * @param payable what is paid for the period
	 * @param currency the currency of every amount
	 */
	public record RepTotal(String rep, @Nullable UUID versionKey, BigDecimal credited, BigDecimal rollUpCredited, @Nullable BigDecimal quota,
			@Nullable BigDecimal attainmentPercent, BigDecimal gross, BigDecimal capAdjustment, BigDecimal clawback,
			BigDecimal clawbackCarryIn, BigDecimal clawbackCarryOut, BigDecimal drawPaid, BigDecimal drawRecovered, BigDecimal drawBalanceOut,
			BigDecimal payable, Currency currency) {
	}

	/** The sum of what is payable to every rep. */
	public BigDecimal totalPayable() {
		BigDecimal total = BigDecimal.ZERO;
		for (RepTotal each : totals) {
			total = total.add(each.payable());
		}
		return total;
	}

}
