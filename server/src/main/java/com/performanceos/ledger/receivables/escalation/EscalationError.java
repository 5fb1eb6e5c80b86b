package com.performanceos.ledger.receivables.escalation;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The schema's {@code EscalationError}.
 *
 * @param code what went wrong
 * @param message an explanation in English
 * @param field the input path at fault, when there is one
 */
record EscalationError(Code code, String message, @Nullable List<String> field) {

	/** The schema's {@code EscalationErrorCode}. */
	enum Code {

		INVALID_INPUT, IDEMPOTENCY_CONFLICT, RULE_NOT_FOUND, TASK_NOT_FOUND, TASK_ALREADY_DONE

	}

	static EscalationError of(Code code, String message, String inputField) {
		return new EscalationError(code, message, List.of("input", inputField));
	}

	static EscalationError invalid(String inputField, String message) {
		return of(Code.INVALID_INPUT, message, inputField);
	}

}
