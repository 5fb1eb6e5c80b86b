package com.performanceos.rules.engine.zen;

import com.performanceos.rules.engine.RuleEvaluationException;

/**
 * The limits and the clock of one evaluation. The clock is an input, never read from the system
 * during evaluation, so the same input and the same clock always give the same output.
 *
 * <p>Not thread-safe: one context per evaluation (a graph evaluation shares one across its nodes,
 * so the step budget bounds the whole decision).
 */
public final class EvaluationContext {

	/** The default budget: generous for real rules, small enough to stop a runaway in milliseconds. */
	public static final long DEFAULT_STEP_LIMIT = 1_000_000;

	private final long nowEpochSeconds;

	private final long stepLimit;

	private final long deadlineNanos;

	private long steps;

	/**
	 * @param nowEpochSeconds what {@code date('now')} answers, in seconds since the epoch
	 * @param stepLimit evaluation steps allowed (each operator, call and closure element is one)
	 * @param timeoutNanos wall-clock budget, checked every 1,024 steps
	 */
	public EvaluationContext(long nowEpochSeconds, long stepLimit, long timeoutNanos) {
		this.nowEpochSeconds = nowEpochSeconds;
		this.stepLimit = stepLimit;
		this.deadlineNanos = System.nanoTime() + timeoutNanos;
	}

	/** A context with the default step limit and a one-second deadline. */
	public static EvaluationContext at(long nowEpochSeconds) {
		return new EvaluationContext(nowEpochSeconds, DEFAULT_STEP_LIMIT, 1_000_000_000L);
	}

	public long nowEpochSeconds() {
		return this.nowEpochSeconds;
	}

	public long steps() {
		return this.steps;
	}

	void step() {
		long taken = ++this.steps;
		if (taken > this.stepLimit) {
			throw new RuleEvaluationException(RuleEvaluationException.Code.STEP_LIMIT_EXCEEDED,
					"evaluation stopped after " + this.stepLimit + " steps");
		}
		if ((taken & 1023) == 0 && System.nanoTime() - this.deadlineNanos > 0) {
			throw new RuleEvaluationException(RuleEvaluationException.Code.TIMEOUT, "evaluation ran past its deadline");
		}
	}

}
