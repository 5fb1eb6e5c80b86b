package com.performanceos.ledger.imports;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One finding of an import's validation; the schema's {@code ImportProblem}. Messages never repeat
 * the content of free-text fields, which may hold personal data.
 *
 * @param row the data row (1 = first row after the header), null for the whole file
 * @param column the file's column header, null when not tied to one column
 * @param code what is wrong
 * @param severity an error blocks the import, a warning does not
 * @param message an English explanation
 * @param expected the expected value, when there is one (control totals)
 * @param actual the actual value, when there is one
 */
record ImportProblem(@Nullable Integer row, @Nullable String column, ImportProblemCode code, Severity severity, String message,
		@Nullable String expected, @Nullable String actual) {

	ImportProblem {
		Objects.requireNonNull(code, "code");
		Objects.requireNonNull(severity, "severity");
		Objects.requireNonNull(message, "message");
	}

	/** The schema's {@code ImportProblemSeverity}. */
	enum Severity {

		ERROR, WARNING

	}

}
