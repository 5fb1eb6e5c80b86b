package com.performanceos.ledger.journal;

import java.util.List;

import com.performanceos.platform.events.EventType;

/**
 * One journal entry was posted (or a reversal, then {@code reversalOf} names the entry it
 * reverses). Values are strings as the outbox has always stored them: keys as UUID strings,
 * amounts as plain decimals, dates as ISO dates; an absent value is the empty string.
 *
 * @param entryKey the entry's primary key
 * @param effectiveDate the day it takes effect
 * @param description what it records
 * @param reversalOf the entry it reverses, empty for none
 * @param lines its lines in order
 * @param batchKey the batch that wrote it (an import, a bulk posting), empty for none
 */
@EventType("ledger.JournalEntryPosted")
public record JournalEntryPosted(String entryKey, String effectiveDate, String description, String reversalOf, List<Line> lines,
		String batchKey) {

	/** A posted line; the amount is a plain decimal string, the side {@code DEBIT} or {@code CREDIT}. */
	public record Line(int lineNumber, String accountKey, String side, String amount, String currency, List<Dimension> dimensions) {
	}

	/** A dimension value of a line, by codes. */
	public record Dimension(String dimension, String member) {
	}

	/** An entry of a {@link JournalEntriesPosted} batch: the same fields without the batch. */
	public record Entry(String entryKey, String effectiveDate, String description, String reversalOf, List<Line> lines) {
	}

}
