package com.performanceos.scenarios.planning;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import com.performanceos.ledger.bank.BankPositions;
import com.performanceos.ledger.receivables.invoices.OpenInvoices;
import com.performanceos.platform.reference.ReferenceData;
import com.performanceos.platform.reference.ReferenceValue;
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

	private final ReferenceData reference;

	LedgerFacts(OpenInvoices invoices, BankPositions bank, RecurringFlows recurring, ReferenceData reference) {
		this.reference = reference;
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
			.flatMap(delayMap -> invoicing.flatMap(history -> recurring.confirmed(tx, asOf).flatMap(series -> {
				List<ForecastInputs.Receivable> open = receivableList.stream()
					.map(invoice -> new ForecastInputs.Receivable(invoice.number(), invoice.counterpartyCode(), invoice.dueDate(),
							invoice.openAmount(), invoice.currency()))
					.toList();
				ForecastInputs.RunRate runRate = runRate(asOf, horizonDays, history, receivableList, delayMap);
				Set<String> currencies = new TreeSet<>();
				balanceList.forEach(balance -> currencies.add(balance.currency()));
				open.forEach(receivable -> currencies.add(receivable.currency()));
				payableList.forEach(payable -> currencies.add(payable.currency()));
				series.forEach(flow -> currencies.add(flow.currency()));
				return rates(currencies, reportingCurrency, knownOn).map(rates -> new ForecastInputs(asOf, horizonDays, reportingCurrency,
						balanceList, rates, open, delayMap, payableList, series, runRate));
			}))))));
	}

	/** Most foreign currencies one forecast converts: two reference keys each, within one reference read. */
	static final int FOREIGN_CURRENCIES_MAX = 50;

	/**
	 * The rates in force on {@code day} between each foreign currency and the reporting one, in either
	 * direction (reference keys {@code fx.<from>.<to>}); the converter refuses a currency left without one.
	 */
	private Mono<List<ForecastInputs.ExchangeRate>> rates(Set<String> currencies, String reportingCurrency, LocalDate day) {
		List<String> foreign = currencies.stream().filter(currency -> !currency.equals(reportingCurrency)).limit(FOREIGN_CURRENCIES_MAX).toList();
		if (foreign.isEmpty()) {
			return Mono.just(List.of());
		}
		Map<String, String[]> pairs = new LinkedHashMap<>();
		for (String currency : foreign) {
			pairs.put(rateKey(currency, reportingCurrency), new String[] { currency, reportingCurrency });
			pairs.put(rateKey(reportingCurrency, currency), new String[] { reportingCurrency, currency });
		}
		return reference.inForce(pairs.keySet(), day).map(found -> found.values().stream()
			.filter(value -> RATE_UNIT.equals(value.unit()))
			.sorted(Comparator.comparing(ReferenceValue::key))
			.map(value -> new ForecastInputs.ExchangeRate(pairs.get(value.key())[0], pairs.get(value.key())[1], value.effectiveFrom(),
					value.value()))
			.toList());
	}

	static final String RATE_UNIT = "RATE";

	/** The reference key of the rate from one currency to another: {@code fx.usd.eur}. */
	static String rateKey(String from, String to) {
		return "fx." + from.toLowerCase(Locale.ROOT) + "." + to.toLowerCase(Locale.ROOT);
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

	static final String RUN_RATE_MODEL_ID = "run-rate:holt-winters-weekly-yearly-combination";

	private static int medianTermsDays(List<OpenInvoices.Item> open) {
		List<Long> terms = open.stream().map(item -> ChronoUnit.DAYS.between(item.issueDate(), item.dueDate())).sorted().toList();
		return terms.isEmpty() ? DEFAULT_TERMS_DAYS : terms.get(terms.size() / 2).intValue();
	}

	private static int medianDelayDays(Map<String, Integer> delays) {
		List<Integer> sorted = delays.values().stream().sorted().toList();
		return sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
	}

}
