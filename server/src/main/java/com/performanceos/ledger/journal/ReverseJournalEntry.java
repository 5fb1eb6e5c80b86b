package com.performanceos.ledger.journal;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** {@code reverseJournalEntry}: its input and payload, as bound to the schema; the rules are {@link JournalDraft}'s. */
final class ReverseJournalEntry {

	static final String OPERATION = "ledger.reverseJournalEntry";

	private ReverseJournalEntry() {
	}

	/** The mutation's input, the schema's {@code ReverseJournalEntryInput}. */
	record Input(String idempotencyKey, String entryId, @Nullable LocalDate effectiveDate, String reason) {

		String fingerprint() {
			return entryId + '\u001f' + (effectiveDate == null ? "" : effectiveDate) + '\u001f' + reason.strip();
		}

	}

	/** The schema's {@code ReverseJournalEntryPayload}. */
	record Payload(@Nullable JournalEntry reversal, List<JournalError> userErrors) {

		static Payload failed(List<JournalError> errors) {
			return new Payload(null, errors);
		}

	}

}
