package com.performanceos.ledger.journal;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** The journal mutations' payloads, as bound to the schema. */
final class JournalPayloads {

	private JournalPayloads() {
	}

	/** {@code PostJournalEntryPayload}. */
	record PostEntry(@Nullable JournalEntry entry, List<JournalError> userErrors) {

		static PostEntry failed(List<JournalError> errors) {
			return new PostEntry(null, errors);
		}

	}

	/** {@code PostJournalEntriesPayload}. */
	record PostEntries(int postedCount, int postedLineCount, List<JournalError> userErrors) {

		static PostEntries failed(List<JournalError> errors) {
			return new PostEntries(0, 0, errors);
		}

	}

	/** {@code ReverseJournalEntryPayload}. */
	record Reverse(@Nullable JournalEntry reversal, List<JournalError> userErrors) {

		static Reverse failed(List<JournalError> errors) {
			return new Reverse(null, errors);
		}

	}

}
