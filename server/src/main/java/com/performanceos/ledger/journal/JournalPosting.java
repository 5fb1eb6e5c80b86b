package com.performanceos.ledger.journal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import com.performanceos.ledger.dimensions.DimensionValueInput;
import com.performanceos.platform.security.Viewer;

/**
 * Posts journal entries from other parts of the ledger (imports, bank categorisation) inside
 * their own tenant transaction, so their records and the entries commit or roll back together.
 * Entries go through exactly the checks of {@code postJournalEntry}: balance per currency,
 * existing accounts in the line's currency, open periods. A refusal is a {@link Rejected} error
 * carrying every problem; the caller's transaction then rolls back.
 */
@Component
public final class JournalPosting {

	private final JournalService journal;

	JournalPosting(JournalService journal) {
		this.journal = journal;
	}

	/**
	 * A line to post, with the dimension values it carries (named by codes; an unknown one refuses
	 * the entry with {@code UNKNOWN_DIMENSION_MEMBER}).
	 */
	public record Line(UUID accountKey, EntrySide side, BigDecimal amount, Currency currency, @Nullable String memo,
			List<DimensionValueInput> dimensions) {

		public Line {
			Objects.requireNonNull(accountKey, "accountKey");
			Objects.requireNonNull(side, "side");
			Objects.requireNonNull(amount, "amount");
			Objects.requireNonNull(currency, "currency");
			dimensions = List.copyOf(dimensions);
		}

		/** A line without dimension values. */
		public Line(UUID accountKey, EntrySide side, BigDecimal amount, Currency currency, @Nullable String memo) {
			this(accountKey, side, amount, currency, memo, List.of());
		}

	}

	/** An entry to post. */
	public record Entry(LocalDate effectiveDate, String description, @Nullable String reference, List<Line> lines) {

		public Entry {
			lines = List.copyOf(lines);
		}

	}

	/** A problem with one posted entry: its index in the list, the input field path and why. */
	public record Problem(int entryIndex, String code, String message, List<String> field) {
	}

	/** The entries were refused; nothing of them was written. */
	public static final class Rejected extends RuntimeException {

		private final transient List<Problem> problems;

		Rejected(List<Problem> problems) {
			super(problems.size() + " journal entries refused; first: " + (problems.isEmpty() ? "" : problems.get(0).message()), null,
					false, false);
			this.problems = List.copyOf(problems);
		}

		public List<Problem> problems() {
			return problems;
		}

	}

	/**
	 * Posts the entries within the caller's transaction of {@code viewer}'s tenant and returns their
	 * keys in order. {@code batchId} tags them for lineage (e.g. the import that wrote them).
	 */
	public Mono<List<UUID>> post(DatabaseClient db, Viewer viewer, List<Entry> entries, @Nullable UUID batchId) {
		return journal.postWithin(db, viewer, entries, batchId);
	}

}
