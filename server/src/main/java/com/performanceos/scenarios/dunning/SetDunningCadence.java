package com.performanceos.scenarios.dunning;

import java.util.List;

import org.jspecify.annotations.Nullable;

import com.performanceos.scenarios.planning.ScenarioError;

/** {@code setDunningCadence}: its input and payload. Naturally idempotent (it sets), so it takes no key. */
final class SetDunningCadence {

	private SetDunningCadence() {
	}

	record Input(String segment, List<DunningStep> steps) {

		List<ScenarioError> validate() {
			return DunningCadence.problems(segment, steps);
		}

	}

	record Payload(@Nullable DunningCadence cadence, List<ScenarioError> userErrors) {
	}

}
