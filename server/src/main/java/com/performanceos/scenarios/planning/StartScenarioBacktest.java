package com.performanceos.scenarios.planning;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** {@code startScenarioBacktest}: its input and payload. Each call starts a job; it takes no key. */
final class StartScenarioBacktest {

	static final int CUTOFFS_MAX = 12;

	static final int HORIZONS_MAX = 8;

	/** The horizons of the issue: a week, a month, two months, a quarter. */
	static final List<Integer> HORIZONS_DEFAULT = List.of(7, 30, 60, 90);

	private StartScenarioBacktest() {
	}

	record Input(String scenarioId, List<LocalDate> cutoffs, @Nullable List<Integer> horizons) {

		List<Integer> horizonsOrDefault() {
			return horizons == null ? HORIZONS_DEFAULT : horizons.stream().distinct().sorted().toList();
		}

		/** The checks that need no database; {@code today} bounds the cut-offs, as actuals must be known. */
		List<ScenarioError> validate(LocalDate today) {
			List<ScenarioError> errors = new ArrayList<>();
			if (cutoffs.isEmpty() || cutoffs.size() > CUTOFFS_MAX || new HashSet<>(cutoffs).size() != cutoffs.size()) {
				errors.add(ScenarioError.invalid("cutoffs", "give 1 to " + CUTOFFS_MAX + " distinct cut-off days"));
			}
			List<Integer> chosen = horizonsOrDefault();
			if (chosen.isEmpty() || chosen.size() > HORIZONS_MAX || chosen.getFirst() < 1 || chosen.getLast() > ScenarioService.HORIZON_DAYS_MAX) {
				errors.add(ScenarioError.invalid("horizons", "give 1 to " + HORIZONS_MAX + " horizons of 1 to " + ScenarioService.HORIZON_DAYS_MAX
						+ " days"));
			}
			else if (cutoffs.stream().anyMatch(cutoff -> !cutoff.plusDays(chosen.getLast()).isBefore(today.plusDays(1)))) {
				errors.add(ScenarioError.invalid("cutoffs", "every cut-off plus the longest horizon must be in the past: actuals must be known"));
			}
			return errors;
		}

	}

	record Payload(@Nullable ScenarioBacktest backtest, List<ScenarioError> userErrors) {
	}

}
