package com.performanceos.rules.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import com.performanceos.platform.idempotency.IdempotencyKeys;

/** {@code createRule}: a new rule with its first version, a DRAFT. */
final class CreateRule {

	static final String OPERATION = "rules.createRule";

	/** Names are what other rules and domains refer to: letters, digits, dots, dashes and underscores. */
	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

	private CreateRule() {
	}

	/** The schema's {@code CreateRuleInput}. */
	record Input(String idempotencyKey, String name, RuleKind kind, String description, VersionInput firstVersion) {

		String fingerprint() {
			return String.join("\u001f", name, kind.name(), description.strip(), firstVersion.fingerprint());
		}

		List<RulesError> validate(RulesProperties limits) {
			List<RulesError> errors = new ArrayList<>();
			IdempotencyKeys.problem(idempotencyKey).ifPresent(problem -> errors.add(RulesError.invalid(problem, "input", "idempotencyKey")));
			if (!NAME.matcher(name).matches()) {
				errors.add(RulesError.invalid("name must be 1 to 100 letters, digits, dots, dashes or underscores", "input", "name"));
			}
			if (description.isBlank() || description.length() > VersionInput.TEXT_LENGTH_MAX) {
				errors.add(RulesError.invalid("description must have 1 to " + VersionInput.TEXT_LENGTH_MAX + " characters", "input",
						"description"));
			}
			errors.addAll(firstVersion.validate(limits, "input", "firstVersion"));
			return errors;
		}

	}

	/** The schema's {@code CreateRulePayload}. */
	record Payload(@Nullable Rule rule, @Nullable RuleVersion version, List<String> warnings, List<RulesError> userErrors) {

		static Payload created(Rule rule, RuleVersion version, List<String> warnings) {
			return new Payload(rule, version, warnings, List.of());
		}

		static Payload failed(List<RulesError> errors) {
			return new Payload(null, null, List.of(), errors);
		}

	}

}
