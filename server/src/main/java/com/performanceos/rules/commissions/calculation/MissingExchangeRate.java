package com.performanceos.rules.commissions.calculation;

import java.time.LocalDate;
import java.util.Currency;

/**
 * A deal is in a currency its plan does not pay in, and no rate from one to the other was in force on its close date:
 * the run fails naming both currencies and the date rather than convert at a made-up rate.
 */
public final class MissingExchangeRate extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String currency;

	private final String planCurrency;

	private final LocalDate date;

	MissingExchangeRate(Currency currency, Currency planCurrency, LocalDate date, String dealRef) {
		super("No exchange rate from " + currency.getCurrencyCode() + " to " + planCurrency.getCurrencyCode() + " in force on " + date + " (deal "
				+ dealRef + "; reference key " + ExchangeRates.referenceKey(currency, planCurrency) + ")");
		this.currency = currency.getCurrencyCode();
		this.planCurrency = planCurrency.getCurrencyCode();
		this.date = date;
	}

	/** The deal's currency. */
	public String currency() {
		return currency;
	}

	/** The plan's currency. */
	public String planCurrency() {
		return planCurrency;
	}

	/** The close date a rate was needed on. */
	public LocalDate date() {
		return date;
	}

}
