package com.performanceos.platform.validation;

/**
 * A value refused by a check of this package. The message completes a sentence that starts with the
 * field's name ({@code "effectiveDate " + message}), so each edge can name the field in its own error
 * shape: a GraphQL error, an import row problem, an HTTP 400.
 */
public final class InvalidInputException extends IllegalArgumentException {

	public InvalidInputException(String message) {
		super(message);
	}

	/** The message with the field named first. */
	public String about(String field) {
		return field + " " + getMessage();
	}

}
