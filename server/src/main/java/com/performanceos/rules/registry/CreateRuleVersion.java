package com.performanceos.rules.registry;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.performanceos.platform.idempotency.IdempotencyKeys;

/** {@code createRuleVersion}: a new DRAFT version of a rule (a version's content never changes; a change is a new version). */
final class CreateRuleVersion {

	static final String OPERATION = "rules.createRuleVersion";

	private CreateRuleVersion() {
	}

	/** The schema's {@code CreateRuleVersionInput}. */
	record Input(String idempotencyKey, String ruleId, VersionInput version) {

		String fingerprint() {
			return ruleId + "\u001f" + version.fingerprint();
		}

		List<RulesError> validate(RulesProperties limits) {
			List<RulesError> errors = new ArrayList<>();
			IdempotencyKeys.problem(idempotencyKey).ifPresent(problem -> errors.add(RulesError.invalid(problem, "input", "idempotencyKey")));
			errors.addAll(version.validate(limits, "input", "version"));
			return errors;
		}

	}

	/** The schema's {@code CreateRuleVersionPayload}. */
	record Payload(@Nullable RuleVersion version, List<String> warnings, List<RulesError> userErrors) {

		static Payload failed(List<RulesError> errors) {
			return new Payload(null, List.of(), errors);
		}

	}

}
