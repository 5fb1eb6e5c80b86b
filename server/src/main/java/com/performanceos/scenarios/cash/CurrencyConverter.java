package com.performanceos.scenarios.cash;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Converts to the reporting currency at the rate in effect on the forecast date: future flows use the
 * rate known today (the forecast does not forecast exchange rates). A pair missing in one direction is
 * taken from the inverse rate.
 */
final class CurrencyConverter {

	private final List<ForecastInputs.ExchangeRate> rates;

	private final String reportingCurrency;

	private final LocalDate asOf;

	/** Rates resolved once per currency: a forecast converts every invoice, and a scan per invoice was its slowest step. */
	private final Map<String, BigDecimal> resolved = new HashMap<>();

	CurrencyConverter(List<ForecastInputs.ExchangeRate> rates, String reportingCurrency, LocalDate asOf) {
		this.rates = rates;
		this.reportingCurrency = reportingCurrency;
		this.asOf = asOf;
	}

	/** {@code amount} in the reporting currency, rounded to cents (half-even). */
	BigDecimal toReporting(BigDecimal amount, String currency) {
		return amount.multiply(rate(currency)).setScale(2, RoundingMode.HALF_EVEN);
	}

	BigDecimal rate(String currency) {
		if (currency.equals(reportingCurrency)) {
			return BigDecimal.ONE;
		}
		return resolved.computeIfAbsent(currency, this::lookUp);
	}

	private BigDecimal lookUp(String currency) {
		return latest(currency, reportingCurrency).map(ForecastInputs.ExchangeRate::rate)
			.or(() -> latest(reportingCurrency, currency).map(inverse -> BigDecimal.ONE.divide(inverse.rate(), MathContext.DECIMAL64)))
			.orElseThrow(() -> new MissingExchangeRate(currency, reportingCurrency, asOf));
	}

	private Optional<ForecastInputs.ExchangeRate> latest(String from, String to) {
		return rates.stream()
			.filter(rate -> rate.from().equals(from) && rate.to().equals(to) && !rate.effectiveFrom().isAfter(asOf))
			.max(Comparator.comparing(ForecastInputs.ExchangeRate::effectiveFrom));
	}

}
