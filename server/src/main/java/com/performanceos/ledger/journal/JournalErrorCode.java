package com.performanceos.ledger.journal;

/**
 * The schema's {@code JournalErrorCode}: the journal's one error-code enum, shared by its
 * mutations' user errors and by the typed {@link JournalProblem}s other packages receive.
 */
public enum JournalErrorCode {

	INVALID_INPUT, UNBALANCED_ENTRY, UNKNOWN_ACCOUNT, CURRENCY_MISMATCH, PERIOD_CLOSED, IDEMPOTENCY_CONFLICT,
	ENTRY_NOT_FOUND, NOT_REVERSIBLE, UNKNOWN_DIMENSION_MEMBER

}
