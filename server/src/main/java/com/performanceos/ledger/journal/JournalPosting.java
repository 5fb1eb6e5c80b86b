package com.performanceos.ledger.journal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import com.performanceos.ledger.periods.ClosedMonths;
import com.performanceos.platform.tenancy.TenantTransaction;

/**
 * Posts journal entries from other parts of the ledger (imports, bank categorisation) inside
 * their own tenant transaction, so their records and the entries commit or roll back together.
 * Entries are {@link JournalDraft}s and go through exactly the checks of {@code postJournalEntry}:
 * the draft's rules, existing accounts in the line's currency, open periods. A refusal is a
 * {@link Rejected} error carrying every problem as a typed {@link JournalProblem}; the caller's
 * transaction then rolls back.
 */
@Component
public final class JournalPosting {

	private final JournalService journal;

	JournalPosting(JournalService journal) {
		this.journal = journal;
	}

	/** The entries were refused; nothing of them was written. */
	public static final class Rejected extends RuntimeException {

		private final transient List<JournalProblem> problems;

		Rejected(List<JournalProblem> problems) {
			super(problems.size() + " journal entries refused; first: " + (problems.isEmpty() ? "" : problems.get(0).message()), null,
					false, false);
			this.problems = List.copyOf(problems);
		}

		public List<JournalProblem> problems() {
			return problems;
		}

	}

	/**
	 * Posts the entries within the caller's transaction and returns their keys in order.
	 * {@code batchId} tags them for lineage (e.g. the import that wrote them).
	 */
	public Mono<List<UUID>> post(TenantTransaction tx, List<JournalDraft> entries, @Nullable UUID batchId) {
		return journal.postWithin(tx, entries, batchId);
	}

	/**
	 * Which of these months (first days) are closed, so a caller can refuse its rows before it
	 * posts (an import's validation pass); the posting checks again under the period lock.
	 */
	public Mono<Set<LocalDate>> closedMonths(TenantTransaction tx, Collection<LocalDate> months) {
		return ClosedMonths.among(tx.db(), months);
	}

}
