package com.performanceos.platform.ai;

/** What asking the AI gave: an answer, or why there is none now. */
public sealed interface AiResult {

	/** The provider answered. */
	record Answered(AiAnswer answer) implements AiResult {
	}

	/**
	 * The provider did not answer (down, failing, too slow, breaker open, too many calls): the caller queues the
	 * request ({@link AiQueue#enqueue}) and tells its user why.
	 */
	record Unavailable(String reason) implements AiResult {
	}

	/** AI is off for this deployment or for this tenant's module: the caller takes its deterministic path. */
	record Disabled(String reason) implements AiResult {
	}

	/** The tenant's monthly budget is spent past its block threshold. */
	record Blocked(String reason) implements AiResult {
	}

}
