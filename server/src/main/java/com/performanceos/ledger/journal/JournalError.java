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
record JournalError(JournalErrorCode code, String message, @Nullable List<String> field) {

	static JournalError invalid(List<String> field, String message) {
		return new JournalError(JournalErrorCode.INVALID_INPUT, message, field);
	}

	static JournalError conflict(List<String> field) {
		return new JournalError(JournalErrorCode.IDEMPOTENCY_CONFLICT, IdempotencyKeys.CONFLICT_MESSAGE, field);
	}

}
