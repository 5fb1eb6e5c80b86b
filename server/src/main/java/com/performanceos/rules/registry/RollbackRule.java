package com.performanceos.rules.registry;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.performanceos.platform.idempotency.IdempotencyKeys;

/**
 * {@code rollbackRule}: republishes an earlier published version as a new PUBLISHED version pointing back to it.
 * Evaluation resolves the version in force from PostgreSQL on every call, so every instance uses it at once.
 */
final class RollbackRule {

	static final String OPERATION = "rules.rollbackRule";

	private RollbackRule() {
	}

	/** The schema's {@code RollbackRuleInput}. */
	record Input(String idempotencyKey, String toVersionId, String justification) {

		String fingerprint() {
			return toVersionId + "\u001f" + justification;
		}

		List<RulesError> validate() {
			List<RulesError> errors = new ArrayList<>();
			IdempotencyKeys.problem(idempotencyKey).ifPresent(problem -> errors.add(RulesError.invalid(problem, "input", "idempotencyKey")));
			if (justification.isBlank() || justification.length() > VersionInput.TEXT_LENGTH_MAX) {
				errors.add(RulesError.invalid("justification must have 1 to " + VersionInput.TEXT_LENGTH_MAX + " characters", "input",
						"justification"));
			}
			return errors;
		}

	}

	/** The schema's {@code RollbackRulePayload}. */
	record Payload(@Nullable RuleVersion version, List<RulesError> userErrors) {

		static Payload failed(List<RulesError> errors) {
			return new Payload(null, errors);
		}

	}

}
