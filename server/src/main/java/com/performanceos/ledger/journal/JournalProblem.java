package com.performanceos.ledger.journal;

import java.util.Objects;

/**
 * Why a journal entry cannot be posted, as a value: what went wrong, which entry and line, which
 * field. Callers turn it into their own error shape at their edge (a GraphQL input path, an
 * import row and column); the journal never speaks in those shapes itself.
 *
 * @param code what went wrong
 * @param entryIndex position of the entry in what was posted, from 0
 * @param lineIndex position of the line in its entry from 0, or {@link #ENTRY} for the entry as a whole
 * @param field the part at fault
 * @param valueIndex position of the dimension value within the line from 0, or {@link #ENTRY} for none
 * @param message a human-readable explanation
 */
public record JournalProblem(JournalErrorCode code, int entryIndex, int lineIndex, Field field, int valueIndex, String message) {

	/** The index of "no line" or "no value": the problem is about the entry or the line as a whole. */
	public static final int ENTRY = -1;

	public JournalProblem {
		Objects.requireNonNull(code, "code");
		Objects.requireNonNull(field, "field");
		Objects.requireNonNull(message, "message");
	}

	/** The part of an entry a problem is about. */
	public enum Field {

		DESCRIPTION, REFERENCE, EFFECTIVE_DATE, LINES, ACCOUNT, AMOUNT, CURRENCY, MEMO, DIMENSIONS

	}

	static JournalProblem ofEntry(JournalErrorCode code, Field field, String message) {
		return new JournalProblem(code, 0, ENTRY, field, ENTRY, message);
	}

	static JournalProblem ofLine(JournalErrorCode code, int lineIndex, Field field, String message) {
		return new JournalProblem(code, 0, lineIndex, field, ENTRY, message);
	}

	/** The same problem, about the entry at {@code index} of a batch. */
	JournalProblem inEntry(int index) {
		return new JournalProblem(code, index, lineIndex, field, valueIndex, message);
	}

}
