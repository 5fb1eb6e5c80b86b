package com.performanceos.scenarios.planning;

import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.performanceos.platform.idempotency.IdempotencyKeys;
import com.performanceos.scenarios.cash.ScenarioTemplate;

/** {@code createScenario}: its input and payload, as bound to the schema. */
final class CreateScenario {

	static final String OPERATION = "scenarios.createScenario";

	static final int NAME_LENGTH_MAX = 200;

	private CreateScenario() {
	}

	/** Either a template (with a reporting currency) or a parent (whose currency is inherited). */
	record Input(String idempotencyKey, String name, @Nullable ScenarioTemplate template, @Nullable String parentId,
			@Nullable Currency reportingCurrency, @Nullable DriversInput drivers) {

		DriversInput overrides() {
			return drivers == null ? DriversInput.NONE : drivers;
		}

		String fingerprint() {
			return String.join("\u001f", name.strip(), String.valueOf(template), String.valueOf(parentId),
					String.valueOf(reportingCurrency), overrides().fingerprint());
		}

		List<ScenarioError> validate() {
			List<ScenarioError> errors = new ArrayList<>();
			IdempotencyKeys.problem(idempotencyKey).ifPresent(problem -> errors.add(ScenarioError.invalid("idempotencyKey", problem)));
			if (name.isBlank() || name.strip().length() > NAME_LENGTH_MAX) {
				errors.add(ScenarioError.invalid("name", "name must have 1 to " + NAME_LENGTH_MAX + " characters"));
			}
			if ((template == null) == (parentId == null)) {
				errors.add(ScenarioError.invalid("template", "give either a template or a parentId"));
			}
			if (template != null && reportingCurrency == null) {
				errors.add(ScenarioError.invalid("reportingCurrency", "a scenario from a template needs a reporting currency"));
			}
			if (parentId != null && reportingCurrency != null) {
				errors.add(ScenarioError.invalid("reportingCurrency", "a child scenario reports in its parent's currency"));
			}
			overrides().validate("drivers", errors);
			return errors;
		}

	}

	/** The schema's {@code CreateScenarioPayload} and {@code UpdateScenarioDriversPayload}. */
	record Payload(@Nullable Scenario scenario, List<ScenarioError> userErrors) {

		static Payload of(Scenario scenario) {
			return new Payload(scenario, List.of());
		}

		static Payload failed(List<ScenarioError> errors) {
			return new Payload(null, errors);
		}

		static Payload failed(ScenarioError error) {
			return new Payload(null, List.of(error));
		}

	}

}
