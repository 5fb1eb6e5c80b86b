package com.performanceos.ledger.journal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import com.performanceos.ledger.dimensions.DimensionCatalog;
import com.performanceos.ledger.dimensions.DimensionValue;
import com.performanceos.ledger.dimensions.DimensionValueInput;
import com.performanceos.ledger.journal.JournalStore.NewEntry;
import com.performanceos.platform.audit.AuditEntry;
import com.performanceos.platform.events.Outbox;
import com.performanceos.platform.graphql.Connection;
import com.performanceos.platform.graphql.GlobalId;
import com.performanceos.platform.graphql.PageRequest;
import com.performanceos.platform.mutations.Idempotency;
import com.performanceos.platform.mutations.Mutations;
import com.performanceos.platform.mutations.Outcome;
import com.performanceos.platform.security.Viewer;
import com.performanceos.platform.tenancy.TenantDatabase;
import com.performanceos.platform.tenancy.TenantTransaction;

/**
 * Posts and reverses journal entries. Every check that can be made without the database runs
 * first; the rest (accounts, periods, idempotency) runs in the tenant transaction, and any
 * failure there rolls the whole transaction back, so a rejected request stores nothing.
 */
@Service
class JournalService {

	private final TenantDatabase database;

	private final JournalStore store;

	private final Mutations mutations;

	private final Outbox outbox;

	JournalService(TenantDatabase database, JournalStore store, Mutations mutations, Outbox outbox) {
		this.database = database;
		this.store = store;
		this.mutations = mutations;
		this.outbox = outbox;
	}

	Mono<PostJournalEntry.Payload> post(Viewer viewer, PostJournalEntry.Input input, @Nullable String sourceAddress) {
		List<String> path = List.of("input");
		List<JournalError> invalid = new ArrayList<>(EntryChecks.checkKey(input.idempotencyKey(), path));
		EntryChecks.Drafted drafted = EntryChecks.draft(input, path, new EntryChecks.AccountIds());
		invalid.addAll(drafted.errors());
		return Mutations.unlessInvalid(invalid, PostJournalEntry.Payload::failed, () -> {
			JournalDraft draft = Objects.requireNonNull(drafted.draft());
			return mutations.idempotent(viewer.tenant(), new Idempotency<>(PostJournalEntry.OPERATION, input.idempotencyKey(), input.fingerprint(),
					() -> PostJournalEntry.Payload.failed(conflict()),
					(tx, key) -> store.load(tx.db(), List.of(key)).map(found -> new PostJournalEntry.Payload(found.get(key), List.of()))),
					tx -> verifyAgainstDatabase(tx, List.of(draft)).flatMap(verified -> {
						if (!verified.problems().isEmpty()) {
							return Mono.just(Outcome.rejected(PostJournalEntry.Payload.failed(errors(verified.problems(), List.of(path)))));
						}
						NewEntry entry = newEntry(draft, verified.resolved());
						AuditEntry audit = new AuditEntry(viewer.subject(), "ledger.journal.posted", JournalEntry.TYPE_NAME,
								GlobalId.encode(JournalEntry.TYPE_NAME, entry.key()), sourceAddress, null, JournalEvents.image(entry));
						return write(tx, List.of(entry), null)
							.then(store.load(tx.db(), List.of(entry.key())))
							.map(found -> Outcome.committed(new PostJournalEntry.Payload(found.get(entry.key()), List.of()), entry.key(), audit));
					}));
		});
	}

	Mono<PostJournalEntries.Payload> postBatch(Viewer viewer, PostJournalEntries.Input input, @Nullable String sourceAddress) {
		List<JournalError> invalid = new ArrayList<>(EntryChecks.checkKey(input.idempotencyKey(), List.of("input")));
		if (input.entries().isEmpty() || input.entries().size() > PostJournalEntries.ENTRIES_MAX) {
			invalid.add(JournalError.invalid(List.of("input", "entries"),
					"a batch holds 1 to " + PostJournalEntries.ENTRIES_MAX + " entries, got " + input.entries().size()));
			return Mono.just(PostJournalEntries.Payload.failed(invalid));
		}
		List<JournalDraft> drafts = new ArrayList<>(input.entries().size());
		List<List<String>> paths = new ArrayList<>(input.entries().size());
		EntryChecks.AccountIds accountIds = new EntryChecks.AccountIds();
		for (int index = 0; index < input.entries().size(); index++) {
			List<String> path = List.of("input", "entries", String.valueOf(index));
			EntryChecks.Drafted drafted = EntryChecks.draft(input.entries().get(index), path, accountIds);
			invalid.addAll(drafted.errors());
			if (drafted.draft() != null) {
				drafts.add(drafted.draft());
				paths.add(path);
			}
		}
		return Mutations.unlessInvalid(invalid, PostJournalEntries.Payload::failed, () -> {
			UUID batchId = UUID.randomUUID();
			return mutations.idempotent(viewer.tenant(), new Idempotency<>(PostJournalEntries.OPERATION, input.idempotencyKey(), input.fingerprint(),
					() -> PostJournalEntries.Payload.failed(conflict()),
					(tx, key) -> store.batchCounts(tx.db(), key).map(counts -> new PostJournalEntries.Payload(counts[0], counts[1], List.of()))),
					tx -> verifyAgainstDatabase(tx, drafts).flatMap(verified -> {
						if (!verified.problems().isEmpty()) {
							return Mono.just(Outcome.rejected(PostJournalEntries.Payload.failed(errors(verified.problems(), paths))));
						}
						List<NewEntry> entries = drafts.stream().map(draft -> newEntry(draft, verified.resolved())).toList();
						int lineCount = entries.stream().mapToInt(entry -> entry.lines().size()).sum();
						AuditEntry audit = new AuditEntry(viewer.subject(), "ledger.journal.batch_posted", "JournalBatch", batchId.toString(),
								sourceAddress, null, Map.of("batchId", batchId.toString(), "entries", entries.size(), "lines", lineCount,
										"idempotencyKey", input.idempotencyKey()));
						return write(tx, entries, batchId)
							.thenReturn(Outcome.committed(new PostJournalEntries.Payload(entries.size(), lineCount, List.of()), batchId, audit));
					}));
		});
	}

	Mono<ReverseJournalEntry.Payload> reverse(Viewer viewer, ReverseJournalEntry.Input input, @Nullable String sourceAddress) {
		List<JournalError> invalid = new ArrayList<>(EntryChecks.checkKey(input.idempotencyKey(), List.of("input")));
		if (input.reason().isBlank() || input.reason().strip().length() > JournalDraft.DESCRIPTION_LENGTH_MAX) {
			invalid.add(JournalError.invalid(List.of("input", "reason"),
					"reason must have 1 to " + JournalDraft.DESCRIPTION_LENGTH_MAX + " characters"));
		}
		var originalKey = GlobalId.decode(input.entryId(), JournalEntry.TYPE_NAME);
		if (originalKey.isEmpty()) {
			invalid.add(new JournalError(JournalErrorCode.ENTRY_NOT_FOUND, "Not a journal entry id: " + input.entryId(),
					List.of("input", "entryId")));
		}
		return Mutations.unlessInvalid(invalid, ReverseJournalEntry.Payload::failed, () -> {
			UUID key = originalKey.get();
			return mutations.idempotent(viewer.tenant(), new Idempotency<>(ReverseJournalEntry.OPERATION, input.idempotencyKey(), input.fingerprint(),
					() -> ReverseJournalEntry.Payload.failed(conflict()),
					(tx, resultKey) -> store.load(tx.db(), List.of(resultKey))
						.map(found -> new ReverseJournalEntry.Payload(found.get(resultKey), List.of()))),
					tx -> reverseFresh(tx, viewer, input, key, sourceAddress))
				// A concurrent reversal of the same entry won the unique constraint on reversal_of.
				.onErrorResume(DuplicateKeyException.class, ex -> Mono.just(ReverseJournalEntry.Payload.failed(List.of(
						new JournalError(JournalErrorCode.NOT_REVERSIBLE, "The entry has already been reversed", List.of("input", "entryId"))))));
		});
	}

	private Mono<Outcome<ReverseJournalEntry.Payload>> reverseFresh(TenantTransaction tx, Viewer viewer, ReverseJournalEntry.Input input,
			UUID originalKey, @Nullable String sourceAddress) {
		return store.load(tx.db(), List.of(originalKey)).zipWith(store.reversalsOf(tx.db(), List.of(originalKey))).flatMap(loaded -> {
			JournalEntry original = loaded.getT1().get(originalKey);
			if (original == null) {
				return rejectReversal(new JournalError(JournalErrorCode.ENTRY_NOT_FOUND, "No journal entry with id " + input.entryId(),
						List.of("input", "entryId")));
			}
			NewEntry reversal;
			switch (original.reverse(input.reason(), input.effectiveDate(), loaded.getT2().containsKey(originalKey))) {
				case JournalEntry.Reversal.Refused refused -> {
					return rejectReversal(new JournalError(JournalErrorCode.NOT_REVERSIBLE, refused.reason(), List.of("input", "entryId")));
				}
				case JournalEntry.Reversal.Allowed allowed -> reversal = allowed.entry();
			}
			LocalDate effectiveDate = reversal.effectiveDate();
			AuditEntry audit = new AuditEntry(viewer.subject(), "ledger.journal.reversed", JournalEntry.TYPE_NAME, original.id(),
					sourceAddress, null,
					Map.of("reversalId", GlobalId.encode(JournalEntry.TYPE_NAME, reversal.key()), "reason", input.reason().strip()));
			return requireOpen(tx.db(), List.of(effectiveDate)).flatMap(closed -> closed.isEmpty()
					? write(tx, List.of(reversal), null)
						.then(store.load(tx.db(), List.of(reversal.key())))
						.map(found -> Outcome.committed(new ReverseJournalEntry.Payload(found.get(reversal.key()), List.of()), reversal.key(), audit))
					: Mono.just(Outcome.rejected(ReverseJournalEntry.Payload.failed(errors(closed, List.of(List.of("input")))))));
		});
	}

	private static Mono<Outcome<ReverseJournalEntry.Payload>> rejectReversal(JournalError error) {
		return Mono.just(Outcome.rejected(ReverseJournalEntry.Payload.failed(List.of(error))));
	}

	/** Problems as user errors, each at the input path of its entry. */
	private static List<JournalError> errors(List<JournalProblem> problems, List<List<String>> entryPaths) {
		return problems.stream().map(problem -> EntryChecks.error(problem, entryPaths.get(problem.entryIndex()))).toList();
	}

	private static List<JournalError> conflict() {
		return List.of(JournalError.conflict(List.of("input", "idempotencyKey")));
	}

	/** See {@link JournalPosting#post}. */
	Mono<List<UUID>> postWithin(TenantTransaction tx, List<JournalDraft> drafts, @Nullable UUID batchId) {
		List<JournalProblem> problems = new ArrayList<>();
		for (int index = 0; index < drafts.size(); index++) {
			int entryIndex = index;
			drafts.get(index).problems().forEach(problem -> problems.add(problem.inEntry(entryIndex)));
		}
		if (!problems.isEmpty()) {
			return Mono.error(new JournalPosting.Rejected(problems));
		}
		if (drafts.isEmpty()) {
			return Mono.just(List.of());
		}
		return verifyAgainstDatabase(tx, drafts).flatMap(verified -> {
			if (!verified.problems().isEmpty()) {
				return Mono.error(new JournalPosting.Rejected(verified.problems()));
			}
			List<NewEntry> written = drafts.stream().map(draft -> newEntry(draft, verified.resolved())).toList();
			return write(tx, written, batchId).thenReturn(written.stream().map(NewEntry::key).toList());
		});
	}

	/** One page of entries with their lines; {@code counted}: whether {@code totalCount} is wanted. */
	Mono<Connection<JournalEntry>> list(Viewer viewer, PageRequest page, @Nullable LocalDate from, @Nullable LocalDate to,
			boolean counted) {
		if (page.cursorKey() != null && !page.cursorKey().matches("\\d{4}-\\d{2}-\\d{2}\\|\\d{1,19}")) {
			return Mono.error(new com.performanceos.platform.graphql.GraphQlException(
					com.performanceos.platform.graphql.ErrorCode.BAD_USER_INPUT, "Not a journal entry cursor"));
		}
		return database.inTransaction(viewer.tenant(), db -> store.page(db, from, to, page.cursorKey(), page.forward(), page.size(), counted)
			.map(found -> Connection.fromKeyset(page, found.entries(), JournalStore::cursorOf, found.total())));
	}

	Mono<Map<UUID, JournalEntry>> load(Viewer viewer, Collection<UUID> keys) {
		return database.inTransaction(viewer.tenant(), db -> store.load(db, keys));
	}

	Mono<Map<UUID, UUID>> reversalsOf(Viewer viewer, Collection<UUID> keys) {
		return database.inTransaction(viewer.tenant(), db -> store.reversalsOf(db, keys));
	}

	/**
	 * Accounts exist and match each line's currency, dimension values exist, every effective month
	 * is open. Answers the problems found, or the resolved dimension values keyed by their codes.
	 */
	private Mono<Verified> verifyAgainstDatabase(TenantTransaction tx, List<JournalDraft> drafts) {
		Set<UUID> accountKeys = new LinkedHashSet<>();
		Set<DimensionValueInput> dimensionValues = new LinkedHashSet<>();
		drafts.forEach(draft -> draft.lines().forEach(line -> {
			accountKeys.add(line.accountKey());
			dimensionValues.addAll(line.dimensions());
		}));
		return store.accountCurrencies(tx, accountKeys).zipWith(DimensionCatalog.resolve(tx.db(), dimensionValues)).flatMap(found -> {
			Map<UUID, Currency> currencies = found.getT1();
			Map<DimensionValueInput, DimensionValue> resolved = found.getT2();
			List<JournalProblem> problems = new ArrayList<>();
			for (int index = 0; index < drafts.size(); index++) {
				List<JournalDraft.Line> lines = drafts.get(index).lines();
				for (int line = 0; line < lines.size(); line++) {
					problems.addAll(lineProblems(index, line, lines.get(line), currencies.get(lines.get(line).accountKey()), resolved));
				}
			}
			if (!problems.isEmpty()) {
				return Mono.just(new Verified(problems, Map.of()));
			}
			return requireOpen(tx.db(), drafts.stream().map(JournalDraft::effectiveDate).toList())
				.map(closed -> new Verified(closed, resolved));
		});
	}

	private static List<JournalProblem> lineProblems(int entry, int index, JournalDraft.Line line, @Nullable Currency accountCurrency,
			Map<DimensionValueInput, DimensionValue> resolved) {
		List<JournalProblem> problems = new ArrayList<>();
		Currency lineCurrency = line.amount().currency();
		if (accountCurrency == null) {
			problems.add(new JournalProblem(JournalErrorCode.UNKNOWN_ACCOUNT, entry, index, JournalProblem.Field.ACCOUNT,
					JournalProblem.ENTRY, "No account with id " + GlobalId.encode("Account", line.accountKey())));
		}
		else if (!accountCurrency.equals(lineCurrency)) {
			problems.add(new JournalProblem(JournalErrorCode.CURRENCY_MISMATCH, entry, index, JournalProblem.Field.CURRENCY,
					JournalProblem.ENTRY, "The account is kept in " + accountCurrency.getCurrencyCode() + ", the line is in "
							+ lineCurrency.getCurrencyCode()));
		}
		for (int value = 0; value < line.dimensions().size(); value++) {
			DimensionValueInput dimensionValue = line.dimensions().get(value);
			if (!resolved.containsKey(dimensionValue)) {
				problems.add(new JournalProblem(JournalErrorCode.UNKNOWN_DIMENSION_MEMBER, entry, index, JournalProblem.Field.DIMENSIONS,
						value, "No member " + dimensionValue.member() + " of dimension " + dimensionValue.dimension()));
			}
		}
		return problems;
	}

	/** The {@code PERIOD_CLOSED} problems of these effective dates, one per entry; empty when every month is open. */
	private Mono<List<JournalProblem>> requireOpen(DatabaseClient db, List<LocalDate> dates) {
		Set<LocalDate> months = new LinkedHashSet<>();
		dates.forEach(date -> months.add(date.withDayOfMonth(1)));
		return store.closedMonths(db, months).map(closed -> {
			List<JournalProblem> problems = new ArrayList<>();
			for (int index = 0; index < dates.size(); index++) {
				LocalDate month = dates.get(index).withDayOfMonth(1);
				if (closed.contains(month)) {
					problems.add(new JournalProblem(JournalErrorCode.PERIOD_CLOSED, index, JournalProblem.ENTRY,
							JournalProblem.Field.EFFECTIVE_DATE, JournalProblem.ENTRY,
							"The period " + month.toString().substring(0, 7) + " is closed"));
				}
			}
			return problems;
		});
	}

	private Mono<Void> write(TenantTransaction tx, List<NewEntry> entries, @Nullable UUID batchId) {
		return store.insert(tx, entries, batchId).then(outbox.publish(tx, Instant.now(), JournalEvents.posted(entries, batchId)));
	}

	private static NewEntry newEntry(JournalDraft draft, Map<DimensionValueInput, DimensionValue> resolved) {
		List<JournalEntry.PostingLine> lines = draft.lines().stream()
			.map(line -> new JournalEntry.PostingLine(line.accountKey(), line.side(), line.amount(), line.memo(), line.dimensions().stream()
				.map(resolved::get)
				.sorted(Comparator.comparing(DimensionValue::dimensionCode))
				.toList()))
			.toList();
		return new NewEntry(UUID.randomUUID(), draft.reference(), draft.description().strip(), draft.effectiveDate(), null, lines);
	}

	/** The outcome of the database checks: the problems found, or the resolved dimension values. */
	private record Verified(List<JournalProblem> problems, Map<DimensionValueInput, DimensionValue> resolved) {
	}

}
