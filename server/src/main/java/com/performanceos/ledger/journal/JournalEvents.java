package com.performanceos.ledger.journal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import com.performanceos.ledger.dimensions.DimensionValue;
import com.performanceos.ledger.journal.JournalStore.NewEntry;
import com.performanceos.platform.events.DomainEvent;

/**
 * The outbox events announcing written entries, and the entry image they (and the audit record of a
 * single posting) carry. Images are records rather than maps: a bulk's event holds 10,000 entries
 * and 20,000 lines, and records are cheaper to build and to serialise.
 */
final class JournalEvents {

	static final String POSTED_EVENT = "ledger.JournalEntryPosted";

	/**
	 * Announces many entries written together (a bulk posting, an import chunk) as one event: one
	 * outbox row and one delivery per sink instead of one per entry, which is most of a bulk
	 * posting's write volume otherwise.
	 */
	static final String BATCH_POSTED_EVENT = "ledger.JournalEntriesPosted";

	private JournalEvents() {
	}

	/** A dimension value of a line, by codes. */
	record DimensionImage(String dimension, String member) {
	}

	/** A line as events and the audit show it; the amount is a plain decimal string. */
	record LineImage(int lineNumber, String accountKey, String side, String amount, String currency, List<DimensionImage> dimensions) {
	}

	/** An entry as events and the audit show it; {@code reversalOf} is empty for an entry that reverses nothing. */
	record EntryImage(String entryKey, String effectiveDate, String description, String reversalOf, List<LineImage> lines) {
	}

	/** The payload of {@link #POSTED_EVENT}: one entry and the batch that wrote it (empty when none). */
	record PostedImage(String entryKey, String effectiveDate, String description, String reversalOf, List<LineImage> lines,
			String batchKey) {
	}

	/** The payload of {@link #BATCH_POSTED_EVENT}. */
	record BatchImage(String batchKey, List<EntryImage> entries) {
	}

	static DomainEvent posted(String tenant, Instant now, List<NewEntry> entries, @Nullable UUID batchId, JsonMapper json) {
		String batchKey = batchId == null ? "" : batchId.toString();
		if (entries.size() == 1) {
			EntryImage entry = image(entries.get(0));
			return new DomainEvent(UUID.randomUUID(), tenant, POSTED_EVENT, now, json.writeValueAsString(new PostedImage(entry.entryKey(),
					entry.effectiveDate(), entry.description(), entry.reversalOf(), entry.lines(), batchKey)));
		}
		List<EntryImage> images = new ArrayList<>(entries.size());
		for (NewEntry entry : entries) {
			images.add(image(entry));
		}
		return new DomainEvent(UUID.randomUUID(), tenant, BATCH_POSTED_EVENT, now, json.writeValueAsString(new BatchImage(batchKey, images)));
	}

	static EntryImage image(NewEntry entry) {
		List<LineImage> lines = new ArrayList<>(entry.lines().size());
		for (int index = 0; index < entry.lines().size(); index++) {
			JournalEntry.PostingLine line = entry.lines().get(index);
			List<DimensionImage> dimensions = new ArrayList<>(line.dimensions().size());
			for (DimensionValue value : line.dimensions()) {
				dimensions.add(new DimensionImage(value.dimensionCode(), value.memberCode()));
			}
			lines.add(new LineImage(index + 1, line.accountKey().toString(), line.side().name(), line.amount().amount().toPlainString(),
					line.amount().currency().getCurrencyCode(), dimensions));
		}
		return new EntryImage(entry.key().toString(), entry.effectiveDate().toString(), entry.description(),
				entry.reversalOf() == null ? "" : entry.reversalOf().toString(), lines);
	}

}
