package com.performanceos.rules.commissions.calculation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * The exchange rates a calculation may use, already read: units of the plan's currency for one unit of the deal's, in
 * force on a deal's close date (effective-dated reference values {@code fx.<from>.<to>}, platform/reference). A rate
 * that is not here is missing: the calculation fails naming it, it never converts at 1.
 *
 * @param byKey each rate by {@link #key(Currency, Currency, LocalDate)}, in key order (they are inputs of the digest)
 */
public record ExchangeRates(Map<String, BigDecimal> byKey) {

	/** No rate at all: every deal must be in its plan's currency. */
	public static final ExchangeRates NONE = new ExchangeRates(Map.of());

	public ExchangeRates {
		byKey = java.util.Collections.unmodifiableMap(new TreeMap<>(byKey));
	}

	/** The reference key of a pair, as platform/reference stores it: {@code fx.usd.eur}. */
	public static String referenceKey(Currency from, Currency to) {
		return "fx." + from.getCurrencyCode().toLowerCase(Locale.ROOT) + "." + to.getCurrencyCode().toLowerCase(Locale.ROOT);
	}

	/** The key of a pair on a day: {@code fx.usd.eur@2026-03-10}. */
	public static String key(Currency from, Currency to, LocalDate day) {
		return referenceKey(from, to) + "@" + day;
	}

	/** The rate from one currency to another in force on the day, if read. */
	public @Nullable BigDecimal rate(Currency from, Currency to, LocalDate day) {
		return byKey.get(key(from, to, day));
	}

}
