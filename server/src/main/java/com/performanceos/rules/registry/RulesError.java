package com.performanceos.rules.registry;

import java.util.List;

import org.jspecify.annotations.Nullable;

import com.performanceos.platform.idempotency.IdempotencyKeys;
import com.performanceos.rules.engine.RuleDefinitionException.Problem;

/**
 * The schema's {@code RulesError}: a business refusal of a rules mutation or evaluation.
 *
 * @param code why
 * @param message a sentence naming what is at fault (a row, a line and column, an example, a version)
 * @param field the input path at fault, when there is one
 */
record RulesError(RulesErrorCode code, String message, @Nullable List<String> field) {

	static RulesError invalid(String message, String... path) {
		return new RulesError(RulesErrorCode.INVALID_INPUT, message, List.of(path));
	}

	static RulesError conflict() {
		return new RulesError(RulesErrorCode.IDEMPOTENCY_CONFLICT, IdempotencyKeys.CONFLICT_MESSAGE,
				List.of("input", "idempotencyKey"));
	}

	/** One error per definition problem, each naming where it is (line and column, row and column, node). */
	static List<RulesError> definition(RulesErrorCode code, List<Problem> problems, List<String> field) {
		return problems.stream().map(problem -> new RulesError(code, problem.toString(), field)).toList();
	}

}
