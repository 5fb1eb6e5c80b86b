package com.performanceos.scenarios.planning;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.performanceos.platform.idempotency.IdempotencyKeys;

/** {@code saveScenarioVersion}: freezes the scenario's forecast as of a day into an immutable version. */
final class SaveScenarioVersion {

	static final String OPERATION = "scenarios.saveScenarioVersion";

	private static final int LABEL_LENGTH_MAX = 200;

	private SaveScenarioVersion() {
	}

	record Input(String idempotencyKey, String scenarioId, LocalDate asOf, @Nullable Integer horizonDays, @Nullable String label) {

		int horizon() {
			return horizonDays == null ? ScenarioService.HORIZON_DAYS_DEFAULT : horizonDays;
		}

		String fingerprint() {
			return String.join("\u001f", scenarioId, asOf.toString(), String.valueOf(horizon()), String.valueOf(label));
		}

		List<ScenarioError> validate() {
			List<ScenarioError> errors = new ArrayList<>();
			IdempotencyKeys.problem(idempotencyKey).ifPresent(problem -> errors.add(ScenarioError.invalid("idempotencyKey", problem)));
			if (horizon() < 1 || horizon() > ScenarioService.HORIZON_DAYS_MAX) {
				errors.add(ScenarioError.invalid("horizonDays", "horizonDays must be between 1 and " + ScenarioService.HORIZON_DAYS_MAX));
			}
			if (label != null && (label.isBlank() || label.strip().length() > LABEL_LENGTH_MAX)) {
				errors.add(ScenarioError.invalid("label", "label must have 1 to " + LABEL_LENGTH_MAX + " characters"));
			}
			return errors;
		}

	}

	/** The schema's {@code SaveScenarioVersionPayload}. */
	record Payload(@Nullable ScenarioVersion version, List<ScenarioError> userErrors) {

		static Payload failed(List<ScenarioError> errors) {
			return new Payload(null, errors);
		}

		static Payload failed(ScenarioError error) {
			return new Payload(null, List.of(error));
		}

	}

}
