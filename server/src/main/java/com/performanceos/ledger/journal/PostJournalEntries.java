package com.performanceos.ledger.journal;

import java.util.List;
import java.util.stream.Collectors;

/** {@code postJournalEntries}: its input and payload, as bound to the schema; the rules are {@link JournalDraft}'s. */
final class PostJournalEntries {

	static final String OPERATION = "ledger.postJournalEntries";

	/** The most entries one batch holds. */
	static final int ENTRIES_MAX = 10_000;

	private PostJournalEntries() {
	}

	/** The mutation's input, the schema's {@code PostJournalEntriesInput}. */
	record Input(String idempotencyKey, List<PostJournalEntry.Input> entries) {

		String fingerprint() {
			return entries.stream().map(PostJournalEntry.Input::fingerprint).collect(Collectors.joining("\u001d"));
		}

	}

	/** The schema's {@code PostJournalEntriesPayload}. */
	record Payload(int postedCount, int postedLineCount, List<JournalError> userErrors) {

		static Payload failed(List<JournalError> errors) {
			return new Payload(0, 0, errors);
		}

	}

}
