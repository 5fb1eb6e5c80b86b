package com.performanceos.rules.commissions.runs;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.performanceos.rules.commissions.calculation.MissingExchangeRate;

/**
 * Why a calculation run failed (the schema's {@code CalculationRunFailure}), stored with the run.
 *
 * @param code what went wrong
 * @param currency the deal's currency, for a missing rate
 * @param planCurrency the plan's currency, for a missing rate
 * @param date the close date a rate was needed on
 * @param message the failure in words
 */
record RunFailure(Code code, @Nullable String currency, @Nullable String planCurrency, @Nullable LocalDate date, String message) {

	/** The schema's {@code CalculationRunFailureCode}. */
	enum Code {

		MISSING_EXCHANGE_RATE, CALCULATION_FAILED

	}

	/** The failure a calculation's exception stands for; anything unforeseen is named by its class only. */
	static RunFailure of(Throwable failure) {
		if (failure instanceof MissingExchangeRate missing) {
			return new RunFailure(Code.MISSING_EXCHANGE_RATE, missing.currency(), missing.planCurrency(), missing.date(),
					String.valueOf(missing.getMessage()));
		}
		return new RunFailure(Code.CALCULATION_FAILED, null, null, null, "The calculation failed: " + failure.getClass().getSimpleName());
	}

	Map<String, @Nullable Object> toMap() {
		Map<String, @Nullable Object> map = new LinkedHashMap<>();
		map.put("code", code.name());
		map.put("currency", currency);
		map.put("planCurrency", planCurrency);
		map.put("date", date == null ? null : date.toString());
		map.put("message", message);
		return map;
	}

	static RunFailure fromMap(@Nullable Object json) {
		Map<?, ?> map = (Map<?, ?>) java.util.Objects.requireNonNull(json);
		Object date = map.get("date");
		return new RunFailure(Code.valueOf((String) map.get("code")), (String) map.get("currency"), (String) map.get("planCurrency"),
				date == null ? null : LocalDate.parse((String) date), String.valueOf(map.get("message")));
	}

}
