package com.performanceos.scenarios.planning;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.performanceos.platform.graphql.GlobalId;

/**
 * A backtest of a scenario: its forecast as it would have been made at each cut-off (facts known the
 * day before), measured against the daily closing bank balance that followed, per horizon.
 *
 * @param results the measures once the job succeeded, null before
 */
record ScenarioBacktest(UUID key, UUID scenarioKey, UUID jobKey, List<LocalDate> cutoffs, List<Integer> horizons,
		@Nullable List<Measure> results, String createdBy, Instant createdAt) {

	static final String TYPE_NAME = "ScenarioBacktest";

	public String id() {
		return GlobalId.encode(TYPE_NAME, key);
	}

	/**
	 * The accuracy of the forecast made at one cut-off over its first {@code horizonDays} days. Ratios are
	 * fractions; MAE and bias are in the reporting currency; MAPE is null when every actual is zero.
	 */
	record Measure(LocalDate cutoff, int horizonDays, double mae, @Nullable Double mape, double wape, double bias, double mase) {
	}

}
