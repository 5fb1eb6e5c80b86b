package com.performanceos.scenarios.cash;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.performanceos.scenarios.recurring.Cadence;

/**
 * The facts a cash forecast starts from, as known on {@code asOf}; the scenarios domain fills them from
 * the ledger's published API. Amounts are in their own currency; {@code rates} convert them.
 *
 * @param asOf the first day of the forecast
 * @param horizonDays number of daily buckets (91 = 13 weeks)
 * @param customerDelayDays each customer's observed payment delay (days after due date) from paid history
 */
public record ForecastInputs(LocalDate asOf, int horizonDays, String reportingCurrency, List<BankBalance> balances,
		List<ExchangeRate> rates, List<Receivable> receivables, Map<String, Integer> customerDelayDays,
		List<Payable> payables, List<RecurringFlow> recurringFlows, RunRate runRate) {

	public ForecastInputs {
		if (horizonDays < 1 || horizonDays > 366) {
			throw new IllegalArgumentException("horizon must be 1 to 366 days, was " + horizonDays);
		}
		balances = List.copyOf(balances);
		rates = List.copyOf(rates);
		// Kept in source-id order, once per set of facts: the engine then emits each day's flows already in its
		// (category, source id) order, and a recalculation (a driver moved, the facts unchanged) sorts nothing.
		receivables = receivables.stream().sorted(Comparator.comparing(Receivable::invoiceId)).toList();
		customerDelayDays = Map.copyOf(customerDelayDays);
		payables = payables.stream().sorted(Comparator.comparing(Payable::billId)).toList();
		recurringFlows = recurringFlows.stream().sorted(Comparator.comparing(RecurringFlow::seriesId)).toList();
	}

	/** The last day of the forecast. */
	public LocalDate lastDay() {
		return asOf.plusDays(horizonDays - 1L);
	}

	public record BankBalance(String accountId, BigDecimal amount, String currency) {
	}

	/** One unit of {@code from} is worth {@code rate} units of {@code to} from {@code effectiveFrom} on. */
	public record ExchangeRate(String from, String to, LocalDate effectiveFrom, BigDecimal rate) {
	}

	public record Receivable(String invoiceId, String customerId, LocalDate dueDate, BigDecimal amount, String currency) {
	}

	public record Payable(String billId, String supplierId, LocalDate dueDate, BigDecimal amount, String currency) {
	}

	/**
	 * A recurring series a person confirmed (or edited): occurrences from {@code nextDate} every {@code cadence}.
	 *
	 * @param amount signed: negative for an expense
	 */
	public record RecurringFlow(String seriesId, String label, Cadence cadence, LocalDate nextDate, BigDecimal amount,
			String currency) {
	}

	/**
	 * Daily new-business cash in the reporting currency from {@code firstDay} on, as forecast by the
	 * run-rate model (ADR 0009); days beyond the list have none.
	 */
	public record RunRate(String modelId, LocalDate firstDay, List<BigDecimal> dailyAmounts) {

		public RunRate {
			dailyAmounts = List.copyOf(dailyAmounts);
		}

	}

}
