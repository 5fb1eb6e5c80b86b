package com.performanceos.rules.engine;

/**
 * A rule could not be evaluated for this input. The {@link Code} says why, so callers can turn it
 * into a typed user error instead of a stack trace.
 */
public final class RuleEvaluationException extends RuntimeException {

	/** Why an evaluation failed. */
	public enum Code {
		/** The evaluation took more steps than the limit allows (a runaway expression). */
		STEP_LIMIT_EXCEEDED,
		/** The evaluation ran past its deadline. */
		TIMEOUT,
		/** A value had the wrong type or an operation was undefined for it (division by zero, missing function). */
		EVALUATION_ERROR,
		/** A hit policy's condition failed: UNIQUE with several matches, ANY with differing outputs. */
		HIT_POLICY_VIOLATION,
		/** A sub-decision named a rule the resolver does not know, or sub-decisions nest too deeply. */
		UNRESOLVED_DECISION
	}

	private final Code code;

	public RuleEvaluationException(Code code, String message) {
		super(message);
		this.code = code;
	}

	public RuleEvaluationException(Code code, String message, Throwable cause) {
		super(message, cause);
		this.code = code;
	}

	public Code code() {
		return this.code;
	}

}
