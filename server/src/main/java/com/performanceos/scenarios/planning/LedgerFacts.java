package com.performanceos.scenarios.planning;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import com.performanceos.ledger.bank.BankPositions;
import com.performanceos.ledger.receivables.invoices.OpenInvoices;
import com.performanceos.platform.tenancy.TenantTransaction;
import com.performanceos.scenarios.cash.ForecastInputs;
import com.performanceos.scenarios.forecast.RunRateModel;

/**
 * Reads the facts of a forecast from the ledger's published API, as known on the first day of the
 * forecast, in one tenant transaction: bank balances at the start of that day, open customer and
 * supplier invoices, customers' observed payment delays, confirmed recurring series and the revenue
 * run-rate.
 */
@Component
class LedgerFacts {

	/** Days of customer invoicing the run-rate model learns from. */
	static final int RUN_RATE_HISTORY_DAYS = 364;

	/**
	 * Fewer days than this between the first invoice of the history and the forecast, and there is no
	 * run-rate: eight weeks are the least from which a weekly season can be told from noise.
	 */
	static final int RUN_RATE_HISTORY_MIN_DAYS = 56;

	/** Payment terms assumed for new business when no open customer invoice shows the usual ones. */
	static final int DEFAULT_TERMS_DAYS = 30;

	private final OpenInvoices invoices;

	private final BankPositions bank;

	private final RecurringFlows recurring;

	LedgerFacts(OpenInvoices invoices, BankPositions bank, RecurringFlows recurring) {
		this.invoices = invoices;
		this.bank = bank;
		this.recurring = recurring;
	}

	Mono<ForecastInputs> read(TenantTransaction tx, LocalDate asOf, int horizonDays, String reportingCurrency) {
		LocalDate knownOn = asOf.minusDays(1);
		Mono<List<ForecastInputs.BankBalance>> balances = bank.balancesAtStartOf(tx, asOf)
			.map(found -> found.stream()
				.map(balance -> new ForecastInputs.BankBalance(balance.accountKey().toString(), balance.amount(), balance.currency()))
				.toList());
		Mono<List<OpenInvoices.Item>> receivables = invoices.open(tx, true, knownOn);
		Mono<List<ForecastInputs.Payable>> payables = invoices.open(tx, false, knownOn)
			.map(found -> found.stream()
				.map(bill -> new ForecastInputs.Payable(bill.number(), bill.counterpartyCode(), bill.dueDate(), bill.openAmount(), bill.currency()))
				.toList());
		Mono<Map<String, Integer>> delays = invoices.customerDelayDays(tx, knownOn);
		Mono<Map<LocalDate, BigDecimal>> invoicing = invoices.invoicedPerDay(tx, reportingCurrency,
				asOf.minusDays(RUN_RATE_HISTORY_DAYS), knownOn);
		// One statement at a time on the transaction's connection.
		return balances.flatMap(balanceList -> receivables.flatMap(receivableList -> payables.flatMap(payableList -> delays
			.flatMap(delayMap -> invoicing.flatMap(history -> recurring.confirmed(tx, asOf).map(series -> {
				List<ForecastInputs.Receivable> open = receivableList.stream()
					.map(invoice -> new ForecastInputs.Receivable(invoice.number(), invoice.counterpartyCode(), invoice.dueDate(),
							invoice.openAmount(), invoice.currency()))
					.toList();
				ForecastInputs.RunRate runRate = runRate(asOf, horizonDays, history, receivableList, delayMap);
				return new ForecastInputs(asOf, horizonDays, reportingCurrency, balanceList, List.of(), open, delayMap,
						payableList, series, runRate);
			}))))));
	}

	/**
	 * New business: invoicing not issued yet, forecast per day by the run-rate model (ADR 0009, weekly
	 * season) from the last year of daily customer invoicing, and cashed the usual terms plus the
	 * portfolio's usual delay after issue. None when the history is shorter than eight weeks.
	 */
	static ForecastInputs.RunRate runRate(LocalDate asOf, int horizonDays, Map<LocalDate, BigDecimal> history,
			List<OpenInvoices.Item> openReceivables, Map<String, Integer> delays) {
		LocalDate first = history.keySet().stream().min(LocalDate::compareTo).orElse(asOf);
		int days = (int) ChronoUnit.DAYS.between(first, asOf);
		if (days < RUN_RATE_HISTORY_MIN_DAYS) {
			return new ForecastInputs.RunRate(RUN_RATE_MODEL_ID, asOf, List.of());
		}
		double[] observed = new double[days];
		for (int day = 0; day < days; day++) {
			observed[day] = history.getOrDefault(first.plusDays(day), BigDecimal.ZERO).doubleValue();
		}
		double[] forecast = RunRateModel.forSeason(7).forecast(observed, horizonDays);
		List<BigDecimal> amounts = new ArrayList<>(forecast.length);
		for (double value : forecast) {
			// A forecast below zero is no invoicing, not a refund.
			amounts.add(BigDecimal.valueOf(Math.max(0, value)).setScale(2, RoundingMode.HALF_EVEN));
		}
		int lag = medianTermsDays(openReceivables) + medianDelayDays(delays);
		return new ForecastInputs.RunRate(RUN_RATE_MODEL_ID, asOf.plusDays(Math.max(0, lag)), amounts);
	}

	static final String RUN_RATE_MODEL_ID = "run-rate:holt-winters-damped-weekly";

	private static int medianTermsDays(List<OpenInvoices.Item> open) {
		List<Long> terms = open.stream().map(item -> ChronoUnit.DAYS.between(item.issueDate(), item.dueDate())).sorted().toList();
		return terms.isEmpty() ? DEFAULT_TERMS_DAYS : terms.get(terms.size() / 2).intValue();
	}

	private static int medianDelayDays(Map<String, Integer> delays) {
		List<Integer> sorted = delays.values().stream().sorted().toList();
		return sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
	}

}
