package com.performanceos.tenders;

import java.util.List;

import org.jspecify.annotations.Nullable;

import com.performanceos.platform.idempotency.IdempotencyKeys;

/**
 * The schema's {@code TenderError}: a business failure of a tenders mutation.
 *
 * @param code what went wrong
 * @param message the explanation, in English
 * @param field the input path at fault, or null
 */
public record TenderError(TenderErrorCode code, String message, @Nullable List<String> field) {

	/** A failure of the input field {@code input.<inputField>}. */
	public static TenderError of(TenderErrorCode code, String inputField, String message) {
		return new TenderError(code, message, List.of("input", inputField));
	}

	/** An {@code INVALID_INPUT} failure of {@code input.<inputField>}. */
	public static TenderError invalid(String inputField, String message) {
		return of(TenderErrorCode.INVALID_INPUT, inputField, message);
	}

	/** A failure about no input field in particular. */
	public static TenderError of(TenderErrorCode code, String message) {
		return new TenderError(code, message, null);
	}

	/** The answer to an idempotency key reused with another input. */
	public static TenderError conflict() {
		return of(TenderErrorCode.IDEMPOTENCY_CONFLICT, "idempotencyKey", IdempotencyKeys.CONFLICT_MESSAGE);
	}

	/** An object of the input that is not in reach of the caller. */
	public static TenderError notFound(String inputField) {
		return of(TenderErrorCode.NOT_FOUND, inputField, "No such object");
	}

}
