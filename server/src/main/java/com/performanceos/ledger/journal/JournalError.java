package com.performanceos.ledger.journal;

import java.util.List;

import org.jspecify.annotations.Nullable;

import com.performanceos.platform.idempotency.IdempotencyKeys;

/**
 * The schema's {@code JournalError}: a business failure of a journal mutation.
 *
 * @param code what went wrong
 * @param message a human-readable explanation
 * @param field the input path at fault
 */
record JournalError(Code code, String message, @Nullable List<String> field) {

	/** The schema's {@code JournalErrorCode}. */
	enum Code {

		INVALID_INPUT, UNBALANCED_ENTRY, UNKNOWN_ACCOUNT, CURRENCY_MISMATCH, PERIOD_CLOSED, IDEMPOTENCY_CONFLICT,
		ENTRY_NOT_FOUND, NOT_REVERSIBLE, UNKNOWN_DIMENSION_MEMBER

	}

	static JournalError invalid(List<String> field, String message) {
		return new JournalError(Code.INVALID_INPUT, message, field);
	}

	static JournalError conflict(List<String> field) {
		return new JournalError(Code.IDEMPOTENCY_CONFLICT, IdempotencyKeys.CONFLICT_MESSAGE, field);
	}

}
