package com.performanceos.ledger.bank;

import java.util.List;

import org.jspecify.annotations.Nullable;

import com.performanceos.platform.idempotency.IdempotencyKeys;

/**
 * The schema's {@code BankError}: a business failure of a bank or cash mutation.
 *
 * @param code what went wrong
 * @param message a human-readable explanation
 * @param field the input path at fault
 */
record BankError(Code code, String message, @Nullable List<String> field) {

	/** The schema's {@code BankErrorCode}. */
	enum Code {

		INVALID_INPUT, INVALID_IBAN, IDEMPOTENCY_CONFLICT, UNKNOWN_ACCOUNT, CURRENCY_MISMATCH, DUPLICATE_IBAN,
		EXTERNAL_ID_TAKEN, LIMIT_REACHED, RULE_NOT_FOUND, TRANSACTION_NOT_FOUND, ALREADY_CATEGORIZED, PERIOD_CLOSED

	}

	static BankError invalid(String inputField, String message) {
		return new BankError(Code.INVALID_INPUT, message, List.of("input", inputField));
	}

	static BankError of(Code code, String inputField, String message) {
		return new BankError(code, message, List.of("input", inputField));
	}

	static BankError conflict() {
		return of(Code.IDEMPOTENCY_CONFLICT, "idempotencyKey", IdempotencyKeys.CONFLICT_MESSAGE);
	}

}
