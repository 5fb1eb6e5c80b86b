package com.performanceos.ledger.receivables.invoices;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The schema's {@code InvoiceError}.
 *
 * @param code what went wrong
 * @param message an explanation in English
 * @param field the input path at fault, when there is one
 */
record InvoiceError(Code code, String message, @Nullable List<String> field) {

	/** The schema's {@code InvoiceErrorCode}. */
	enum Code {

		INVALID_INPUT, IDEMPOTENCY_CONFLICT, DUPLICATE_INVOICE_NUMBER, INVOICE_NOT_FOUND, CURRENCY_MISMATCH, OVERPAYMENT,
		TOO_MANY_PAYMENTS

	}

	static InvoiceError invalid(String inputField, String message) {
		return new InvoiceError(Code.INVALID_INPUT, message, List.of("input", inputField));
	}

	static InvoiceError of(Code code, String message, String inputField) {
		return new InvoiceError(code, message, List.of("input", inputField));
	}

}
