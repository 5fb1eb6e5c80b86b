package com.performanceos.scenarios.cash;

import java.time.LocalDate;

/**
 * A forecast holds an amount in a currency with no rate to the reporting currency in force on its
 * first day: it is refused rather than converted at a made-up rate.
 */
public final class MissingExchangeRate extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	MissingExchangeRate(String currency, String reportingCurrency, LocalDate asOf) {
		super("no " + currency + "/" + reportingCurrency + " rate in effect on " + asOf);
	}

}
