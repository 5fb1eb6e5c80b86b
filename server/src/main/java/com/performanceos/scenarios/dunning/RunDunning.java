package com.performanceos.scenarios.dunning;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.performanceos.scenarios.planning.ScenarioError;

/** {@code runDunning}: its input and payload. Runs are naturally idempotent: a step is recorded once per invoice. */
final class RunDunning {

	private RunDunning() {
	}

	record Input(@Nullable LocalDate asOf) {
	}

	record Payload(LocalDate asOf, int sentCount, int failedCount, int skippedCount, int stoppedCount, List<ScenarioError> userErrors) {

		static Payload failed(LocalDate asOf, ScenarioError error) {
			return new Payload(asOf, 0, 0, 0, 0, List.of(error));
		}

	}

}
