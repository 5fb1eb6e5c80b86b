package com.performanceos.ledger.journal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.performanceos.ledger.dimensions.DimensionValue;
import com.performanceos.ledger.journal.JournalStore.NewEntry;

/**
 * Builds the posting events ({@link JournalEntryPosted}, {@link JournalEntriesPosted}) and the entry
 * image they (and the audit record of a single posting) carry. Images are records rather than
 * maps: a bulk's event holds 10,000 entries and 20,000 lines, and records are cheaper to build and
 * to serialise.
 */
final class JournalEvents {

	private JournalEvents() {
	}

	/** The event announcing {@code entries}: one entry alone, or a batch. */
	static Object posted(List<NewEntry> entries, @Nullable UUID batchId) {
		String batchKey = batchId == null ? "" : batchId.toString();
		if (entries.size() == 1) {
			JournalEntryPosted.Entry entry = image(entries.get(0));
			return new JournalEntryPosted(entry.entryKey(), entry.effectiveDate(), entry.description(), entry.reversalOf(), entry.lines(),
					batchKey);
		}
		List<JournalEntryPosted.Entry> images = new ArrayList<>(entries.size());
		for (NewEntry entry : entries) {
			images.add(image(entry));
		}
		return new JournalEntriesPosted(batchKey, images);
	}

	static JournalEntryPosted.Entry image(NewEntry entry) {
		List<JournalEntryPosted.Line> lines = new ArrayList<>(entry.lines().size());
		for (int index = 0; index < entry.lines().size(); index++) {
			JournalEntry.PostingLine line = entry.lines().get(index);
			List<JournalEntryPosted.Dimension> dimensions = new ArrayList<>(line.dimensions().size());
			for (DimensionValue value : line.dimensions()) {
				dimensions.add(new JournalEntryPosted.Dimension(value.dimensionCode(), value.memberCode()));
			}
			lines.add(new JournalEntryPosted.Line(index + 1, line.accountKey().toString(), line.side().name(),
					line.amount().amount().toPlainString(), line.amount().currency().getCurrencyCode(), dimensions));
		}
		return new JournalEntryPosted.Entry(entry.key().toString(), entry.effectiveDate().toString(), entry.description(),
				entry.reversalOf() == null ? "" : entry.reversalOf().toString(), lines);
	}

}
