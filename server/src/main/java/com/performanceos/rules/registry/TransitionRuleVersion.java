package com.performanceos.rules.registry;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * {@code submitRuleVersion}, {@code sendBackRuleVersion}, {@code approveRuleVersion}, {@code publishRuleVersion} and
 * {@code retireRuleVersion}: one lifecycle step of a version, with its justification (kept in the rule's history).
 */
final class TransitionRuleVersion {

	private TransitionRuleVersion() {
	}

	/** The schema's {@code TransitionRuleVersionInput}. */
	record Input(String versionId, String justification) {

		List<RulesError> validate() {
			if (justification.isBlank() || justification.length() > VersionInput.TEXT_LENGTH_MAX) {
				return List.of(RulesError.invalid("justification must have 1 to " + VersionInput.TEXT_LENGTH_MAX + " characters",
						"input", "justification"));
			}
			return List.of();
		}

	}

	/** The schema's {@code TransitionRuleVersionPayload}. */
	record Payload(@Nullable RuleVersion version, List<RulesError> userErrors) {

		static Payload failed(RulesErrorCode code, String message, String... field) {
			return new Payload(null, List.of(new RulesError(code, message, List.of(field))));
		}

	}

}
