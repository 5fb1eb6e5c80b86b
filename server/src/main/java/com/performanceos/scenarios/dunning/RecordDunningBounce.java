package com.performanceos.scenarios.dunning;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.performanceos.scenarios.planning.ScenarioError;

/** {@code recordDunningBounce}: its input and payload. Only a SENT message can bounce, so a repeat is refused. */
final class RecordDunningBounce {

	static final int REASON_LENGTH_MAX = 1_000;

	private RecordDunningBounce() {
	}

	record Input(String messageId, String reason) {

		List<ScenarioError> validate() {
			List<ScenarioError> errors = new ArrayList<>();
			if (reason.isBlank() || reason.length() > REASON_LENGTH_MAX) {
				errors.add(ScenarioError.invalid("reason", "reason must be 1 to " + REASON_LENGTH_MAX + " characters"));
			}
			return errors;
		}

	}

	record Payload(@Nullable DunningMessage message, List<ScenarioError> userErrors) {
	}

}
