package com.performanceos.scenarios.cash;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The facts of a forecast in the form a recalculation reads: each open invoice and bill as a day offset from
 * {@code asOf} and an amount in reporting-currency cents, in two arrays. Everything that depends only on the facts
 * (the customer's delay or the portfolio fallback, the conversion at today's rate and its rounding) is done here once,
 * so moving a driver costs one add and one multiply per invoice instead of a {@code BigDecimal} product and a
 * {@code CashFlow} each. Immutable; prepared by {@link CashForecastEngine#prepare(ForecastInputs)}.
 */
public final class PreparedFacts {

	/**
	 * Largest absolute amount of one invoice or bill kept in cents (ten billion in the reporting currency). With at
	 * most {@link Integer#MAX_VALUE} facts the sums of a day cannot overflow a {@code long} below this bound; facts
	 * beyond it (none in practice) make the engine total the exact {@code BigDecimal} flows instead.
	 */
	static final long MAXIMUM_CENTS = 1_000_000_000_000L;

	private final ForecastInputs inputs;

	private final BigDecimal opening;

	private final int[] receivableDays;

	private final long[] receivableCents;

	private final int[] payableDays;

	private final long[] payableCents;

	private final boolean withinCents;

	PreparedFacts(ForecastInputs inputs) {
		this.inputs = inputs;
		CurrencyConverter converter = new CurrencyConverter(inputs.rates(), inputs.reportingCurrency(), inputs.asOf());
		this.opening = new FlowProjector(inputs, ScenarioTemplate.BASE.drivers()).openingBalance();
		long asOfDay = inputs.asOf().toEpochDay();
		boolean within = true;

		List<ForecastInputs.Receivable> receivables = inputs.receivables();
		Map<String, Integer> delays = inputs.customerDelayDays();
		int fallback = FlowProjector.fallbackDelayDays(delays);
		this.receivableDays = new int[receivables.size()];
		this.receivableCents = new long[receivables.size()];
		for (int index = 0; index < receivables.size(); index++) {
			ForecastInputs.Receivable invoice = receivables.get(index);
			Integer observed = delays.get(invoice.customerId());
			receivableDays[index] = dayOffset(invoice.dueDate().toEpochDay() - asOfDay + (observed != null ? observed : fallback));
			receivableCents[index] = cents(converter.toReporting(invoice.amount(), invoice.currency()));
			within &= Math.abs(receivableCents[index]) <= MAXIMUM_CENTS;
		}

		List<ForecastInputs.Payable> payables = inputs.payables();
		this.payableDays = new int[payables.size()];
		this.payableCents = new long[payables.size()];
		for (int index = 0; index < payables.size(); index++) {
			ForecastInputs.Payable bill = payables.get(index);
			payableDays[index] = dayOffset(bill.dueDate().toEpochDay() - asOfDay);
			payableCents[index] = -cents(converter.toReporting(bill.amount(), bill.currency()));
			within &= Math.abs(payableCents[index]) <= MAXIMUM_CENTS;
		}
		this.withinCents = within;
	}

	public ForecastInputs inputs() {
		return inputs;
	}

	BigDecimal opening() {
		return opening;
	}

	/** Due date plus the customer's observed delay (or the portfolio fallback), in days from {@code asOf}. */
	int[] receivableDays() {
		return receivableDays;
	}

	/** Each invoice in the reporting currency, in cents, before the collection rate. */
	long[] receivableCents() {
		return receivableCents;
	}

	/** Due date in days from {@code asOf}. */
	int[] payableDays() {
		return payableDays;
	}

	/** Each bill in the reporting currency, in cents, negative (money out). */
	long[] payableCents() {
		return payableCents;
	}

	/** Whether every fact fits the cents fast path (see {@link #MAXIMUM_CENTS}). */
	boolean withinCents() {
		return withinCents;
	}

	/** An amount rounded to cents, in cents; amounts too large for a {@code long} saturate and fail {@link #withinCents}. */
	private static long cents(BigDecimal amount) {
		BigDecimal cents = amount.movePointRight(2);
		return cents.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0 ? Long.MAX_VALUE : cents.longValueExact();
	}

	/**
	 * Offsets are clamped to ±100 years: a due date that far is out of every horizon either way (overdue lands on the
	 * first day, late beyond the last), and the clamp keeps offset plus driver shift inside an {@code int}.
	 */
	private static int dayOffset(long days) {
		return (int) Math.max(-36_600, Math.min(36_600, days));
	}

}
