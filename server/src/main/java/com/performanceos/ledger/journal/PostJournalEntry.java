package com.performanceos.ledger.journal;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.performanceos.ledger.dimensions.DimensionValueInput;

/** {@code postJournalEntry}: its input and payload, as bound to the schema; the rules are {@link JournalDraft}'s. */
final class PostJournalEntry {

	static final String OPERATION = "ledger.postJournalEntry";

	private PostJournalEntry() {
	}

	/** The mutation's input, the schema's {@code PostJournalEntryInput}. */
	record Input(String idempotencyKey, LocalDate effectiveDate, String description, @Nullable String reference,
			List<JournalLineInput> lines) {

		String fingerprint() {
			StringBuilder fingerprint = new StringBuilder().append(effectiveDate).append('\u001f').append(description.strip())
				.append('\u001f').append(reference == null ? "" : reference);
			for (JournalLineInput line : lines) {
				fingerprint.append('\u001e').append(line.accountId()).append('\u001f').append(line.side()).append('\u001f')
					.append(line.amount().stripTrailingZeros().toPlainString()).append('\u001f')
					.append(line.currency().getCurrencyCode()).append('\u001f').append(line.memo() == null ? "" : line.memo());
				// Only lines with dimensions extend the fingerprint, so keys used before dimensions existed still replay.
				for (DimensionValueInput value : line.dimensionValues()) {
					fingerprint.append('\u001f').append(value.dimension()).append('=').append(value.member());
				}
			}
			return fingerprint.toString();
		}

	}

	/** The schema's {@code PostJournalEntryPayload}. */
	record Payload(@Nullable JournalEntry entry, List<JournalError> userErrors) {

		static Payload failed(List<JournalError> errors) {
			return new Payload(null, errors);
		}

	}

}
