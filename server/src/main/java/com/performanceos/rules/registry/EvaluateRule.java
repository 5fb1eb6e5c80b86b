package com.performanceos.rules.registry;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** {@code evaluateRule}: a batch of inputs through one version of a rule (given, or the one in force on a day). */
final class EvaluateRule {

	private EvaluateRule() {
	}

	/**
	 * The schema's {@code EvaluateRuleInput}.
	 * @param ruleId the rule
	 * @param versionNumber a version to evaluate (any status: drafts are tried before review); else the one in force
	 * @param asOf the day: picks the version in force and is the clock the rule sees; today (UTC) when absent
	 * @param clock what {@code date('now')} answers; the start of the day (UTC) when absent
	 * @param inputs 1 to {@code performanceos.rules.batch-size-max} inputs
	 * @param trace whether each result carries its trace
	 */
	record Input(String ruleId, @Nullable Integer versionNumber, @Nullable LocalDate asOf, @Nullable OffsetDateTime clock, List<Object> inputs,
			@Nullable Boolean trace) {
	}

	/** The schema's {@code EvaluateRulePayload}. */
	record Payload(@Nullable RuleVersion version, @Nullable LocalDate asOf, List<RuleEvaluator.Result> results,
			List<RulesError> userErrors) {

		static Payload failed(RulesErrorCode code, String message, String... field) {
			return new Payload(null, null, List.of(), List.of(new RulesError(code, message, List.of(field))));
		}

	}

	/** The schema's {@code TestRulePayload}. */
	record TestPayload(@Nullable RuleVersion version, boolean passed, List<RuleEvaluator.ExampleOutcome> results,
			List<RulesError> userErrors) {
	}

}
