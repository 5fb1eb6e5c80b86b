package com.performanceos.ledger.journal;

import java.util.List;

import com.performanceos.platform.events.EventType;

/**
 * Many journal entries were written together (a bulk posting, an import chunk), announced as one
 * event: one outbox row and one delivery per sink instead of one per entry, which is most of a
 * bulk posting's write volume otherwise.
 *
 * @param batchKey the batch that wrote them, empty for none
 * @param entries the entries in order
 */
@EventType("ledger.JournalEntriesPosted")
public record JournalEntriesPosted(String batchKey, List<JournalEntryPosted.Entry> entries) {
}
