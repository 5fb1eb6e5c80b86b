package com.performanceos.scenarios.dunning;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.performanceos.scenarios.planning.ScenarioError;

/** {@code stopDunning}: its input and payload. A second stop of one invoice is refused, so it takes no key. */
final class StopDunning {

	static final int NOTE_LENGTH_MAX = 1_000;

	private StopDunning() {
	}

	record Input(String invoiceId, DunningStopReason reason, @Nullable String note) {

		List<ScenarioError> validate() {
			List<ScenarioError> errors = new ArrayList<>();
			if (note != null && note.length() > NOTE_LENGTH_MAX) {
				errors.add(ScenarioError.invalid("note", "note must be at most " + NOTE_LENGTH_MAX + " characters"));
			}
			return errors;
		}

	}

	record Payload(@Nullable DunningStop stop, List<ScenarioError> userErrors) {
	}

}
