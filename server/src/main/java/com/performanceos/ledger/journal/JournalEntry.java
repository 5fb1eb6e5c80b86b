package com.performanceos.ledger.journal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.performanceos.ledger.dimensions.DimensionValue;
import com.performanceos.platform.graphql.GlobalId;
import com.performanceos.platform.graphql.Money;

/**
 * A posted journal entry. It has no mutator: entries are immutable, and the only correction is a
 * reversal, a new entry that {@link #reversalLines() mirrors} this one.
 *
 * @param key the primary key
 * @param postingSequence the tenant-wide posting order, a stable tie-breaker for equal dates
 * @param reference the client's reference
 * @param description what the entry records
 * @param effectiveDate when it takes effect in the books
 * @param postedAt when it was recorded (system time)
 * @param reversalOfKey the entry this one reverses, if any
 * @param lines the lines in order
 */
public record JournalEntry(UUID key, long postingSequence, @Nullable String reference, String description,
		LocalDate effectiveDate, Instant postedAt, @Nullable UUID reversalOfKey, List<Line> lines) {

	static final String TYPE_NAME = "JournalEntry";

	public JournalEntry {
		lines = List.copyOf(lines);
	}

	/** The global id of the {@code Node} interface. */
	public String id() {
		return GlobalId.encode(TYPE_NAME, key);
	}

	/**
	 * The reversal of this entry, or why it is refused: a reversal cannot itself be reversed, and an
	 * entry is reversed at most once. The reversal mirrors this entry on {@code effectiveDate}
	 * (this entry's own date when absent).
	 */
	Reversal reverse(String reason, @Nullable LocalDate effectiveDate, boolean alreadyReversed) {
		if (reversalOfKey != null) {
			return new Reversal.Refused("A reversal cannot itself be reversed; post a new entry instead");
		}
		if (alreadyReversed) {
			return new Reversal.Refused("The entry has already been reversed");
		}
		return new Reversal.Allowed(new JournalStore.NewEntry(UUID.randomUUID(), reference, "Reversal: " + reason.strip(),
				effectiveDate != null ? effectiveDate : this.effectiveDate, key, reversalLines()));
	}

	/** What {@link #reverse} answers. */
	sealed interface Reversal {

		/** The entry to write. */
		record Allowed(JournalStore.NewEntry entry) implements Reversal {
		}

		/** The entry may not be reversed ({@code NOT_REVERSIBLE}). */
		record Refused(String reason) implements Reversal {
		}

	}

	/** The lines of a reversal: same accounts and amounts, sides swapped. */
	private List<PostingLine> reversalLines() {
		return lines.stream()
			.map(line -> new PostingLine(line.accountKey(), line.side().opposite(), line.amount(), "Reversal of line " + line.lineNumber(),
					line.dimensions()))
			.toList();
	}

	/**
	 * One line of a posted entry.
	 *
	 * @param lineNumber position from 1
	 * @param accountKey the account's primary key
	 * @param side debit or credit
	 * @param amount strictly positive amount in the account's currency
	 * @param memo a note
	 * @param dimensions the dimension values the line carries, ordered by dimension code
	 */
	public record Line(int lineNumber, UUID accountKey, EntrySide side, Money amount, @Nullable String memo,
			List<DimensionValue> dimensions) {

		public Line {
			dimensions = List.copyOf(dimensions);
		}

		/** A line without dimension values. */
		public Line(int lineNumber, UUID accountKey, EntrySide side, Money amount, @Nullable String memo) {
			this(lineNumber, accountKey, side, amount, memo, List.of());
		}

	}

	/** A line about to be posted; a reversal carries the original's dimension values. */
	record PostingLine(UUID accountKey, EntrySide side, Money amount, @Nullable String memo, List<DimensionValue> dimensions) {

		PostingLine {
			dimensions = List.copyOf(dimensions);
		}

	}

}
