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
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import com.performanceos.ledger.dimensions.DimensionCatalog;
import com.performanceos.ledger.dimensions.DimensionValue;
import com.performanceos.ledger.dimensions.DimensionValueInput;
import com.performanceos.ledger.journal.JournalInputs.CheckedEntry;
import com.performanceos.ledger.journal.JournalInputs.EntryInput;
import com.performanceos.ledger.journal.JournalStore.NewEntry;
import com.performanceos.platform.audit.AuditEntry;
import com.performanceos.platform.events.DomainEvent;
import com.performanceos.platform.events.Outbox;
import com.performanceos.platform.graphql.Connection;
import com.performanceos.platform.graphql.GlobalId;
import com.performanceos.platform.graphql.Money;
import com.performanceos.platform.graphql.PageRequest;
import com.performanceos.platform.mutations.Idempotency;
import com.performanceos.platform.mutations.Mutations;
import com.performanceos.platform.mutations.Outcome;
import com.performanceos.platform.security.Viewer;
import com.performanceos.platform.tenancy.TenantDatabase;

/**
 * Posts and reverses journal entries. Every check that can be made without the database runs
 * first; the rest (accounts, periods, idempotency) runs in the tenant transaction, and any
 * failure there rolls the whole transaction back, so a rejected request stores nothing.
 */
@Service
class JournalService {

	private static final String POST_OPERATION = "ledger.postJournalEntry";

	private static final String BATCH_OPERATION = "ledger.postJournalEntries";

	private static final String REVERSE_OPERATION = "ledger.reverseJournalEntry";

	private final TenantDatabase database;

	private final JournalStore store;

	private final Mutations mutations;

	private final Outbox outbox;

	private final JsonMapper json;

	JournalService(TenantDatabase database, JournalStore store, Mutations mutations, Outbox outbox, JsonMapper json) {
		this.database = database;
		this.store = store;
		this.mutations = mutations;
		this.outbox = outbox;
		this.json = json;
	}

	Mono<JournalPayloads.PostEntry> post(Viewer viewer, EntryInput input, @Nullable String sourceAddress) {
		List<String> path = List.of("input");
		List<JournalError> invalid = new ArrayList<>(JournalInputs.checkKey(input.idempotencyKey(), path));
		JournalInputs.AccountIds accountIds = new JournalInputs.AccountIds();
		invalid.addAll(JournalInputs.check(input, path, accountIds));
		if (!invalid.isEmpty()) {
			return Mono.just(JournalPayloads.PostEntry.failed(invalid));
		}
		CheckedEntry checked = JournalInputs.checked(input, accountIds);
		return mutations.idempotent(viewer.tenant(), new Idempotency<>(POST_OPERATION, input.idempotencyKey(), input.fingerprint(),
				() -> JournalPayloads.PostEntry.failed(conflict()),
				(tx, key) -> store.load(tx.db(), List.of(key)).map(found -> new JournalPayloads.PostEntry(found.get(key), List.of()))),
				tx -> verifyAgainstDatabase(tx.db(), List.of(checked), List.of(path)).flatMap(verified -> {
					if (!verified.errors().isEmpty()) {
						return Mono.just(Outcome.rejected(JournalPayloads.PostEntry.failed(verified.errors())));
					}
					NewEntry entry = newEntry(checked, null, verified.resolved());
					AuditEntry audit = new AuditEntry(viewer.subject(), "ledger.journal.posted", JournalEntry.TYPE_NAME,
							GlobalId.encode(JournalEntry.TYPE_NAME, entry.key()), sourceAddress, null, JournalEvents.image(entry));
					return write(tx.db(), viewer, List.of(entry), null)
						.then(store.load(tx.db(), List.of(entry.key())))
						.map(found -> Outcome.committed(new JournalPayloads.PostEntry(found.get(entry.key()), List.of()), entry.key(), audit));
				}));
	}

	Mono<JournalPayloads.PostEntries> postBatch(Viewer viewer, JournalInputs.BatchInput input, @Nullable String sourceAddress) {
		List<JournalError> invalid = new ArrayList<>(JournalInputs.checkKey(input.idempotencyKey(), List.of("input")));
		if (input.entries().isEmpty() || input.entries().size() > JournalInputs.BATCH_ENTRIES_MAX) {
			invalid.add(JournalError.invalid(List.of("input", "entries"),
					"a batch holds 1 to " + JournalInputs.BATCH_ENTRIES_MAX + " entries, got " + input.entries().size()));
			return Mono.just(JournalPayloads.PostEntries.failed(invalid));
		}
		List<CheckedEntry> checked = new ArrayList<>(input.entries().size());
		List<List<String>> paths = new ArrayList<>(input.entries().size());
		JournalInputs.AccountIds accountIds = new JournalInputs.AccountIds();
		for (int index = 0; index < input.entries().size(); index++) {
			List<String> path = List.of("input", "entries", String.valueOf(index));
			List<JournalError> errors = JournalInputs.check(input.entries().get(index), path, accountIds);
			invalid.addAll(errors);
			if (errors.isEmpty()) {
				checked.add(JournalInputs.checked(input.entries().get(index), accountIds));
				paths.add(path);
			}
		}
		if (!invalid.isEmpty()) {
			return Mono.just(JournalPayloads.PostEntries.failed(invalid));
		}
		UUID batchId = UUID.randomUUID();
		return mutations.idempotent(viewer.tenant(), new Idempotency<>(BATCH_OPERATION, input.idempotencyKey(), input.fingerprint(),
				() -> JournalPayloads.PostEntries.failed(conflict()),
				(tx, key) -> store.batchCounts(tx.db(), key).map(counts -> new JournalPayloads.PostEntries(counts[0], counts[1], List.of()))),
				tx -> verifyAgainstDatabase(tx.db(), checked, paths).flatMap(verified -> {
					if (!verified.errors().isEmpty()) {
						return Mono.just(Outcome.rejected(JournalPayloads.PostEntries.failed(verified.errors())));
					}
					List<NewEntry> entries = checked.stream().map(entry -> newEntry(entry, null, verified.resolved())).toList();
					int lineCount = entries.stream().mapToInt(entry -> entry.lines().size()).sum();
					AuditEntry audit = new AuditEntry(viewer.subject(), "ledger.journal.batch_posted", "JournalBatch", batchId.toString(),
							sourceAddress, null, Map.of("batchId", batchId.toString(), "entries", entries.size(), "lines", lineCount,
									"idempotencyKey", input.idempotencyKey()));
					return write(tx.db(), viewer, entries, batchId)
						.thenReturn(Outcome.committed(new JournalPayloads.PostEntries(entries.size(), lineCount, List.of()), batchId, audit));
				}));
	}

	Mono<JournalPayloads.Reverse> reverse(Viewer viewer, JournalInputs.ReverseInput input, @Nullable String sourceAddress) {
		List<JournalError> invalid = new ArrayList<>(JournalInputs.checkKey(input.idempotencyKey(), List.of("input")));
		if (input.reason().isBlank() || input.reason().strip().length() > JournalInputs.DESCRIPTION_LENGTH_MAX) {
			invalid.add(JournalError.invalid(List.of("input", "reason"),
					"reason must have 1 to " + JournalInputs.DESCRIPTION_LENGTH_MAX + " characters"));
		}
		var originalKey = GlobalId.decode(input.entryId(), JournalEntry.TYPE_NAME);
		if (originalKey.isEmpty()) {
			invalid.add(new JournalError(JournalError.Code.ENTRY_NOT_FOUND, "Not a journal entry id: " + input.entryId(),
					List.of("input", "entryId")));
		}
		if (!invalid.isEmpty()) {
			return Mono.just(JournalPayloads.Reverse.failed(invalid));
		}
		UUID key = originalKey.get();
		return mutations.idempotent(viewer.tenant(), new Idempotency<>(REVERSE_OPERATION, input.idempotencyKey(), input.fingerprint(),
				() -> JournalPayloads.Reverse.failed(conflict()),
				(tx, resultKey) -> store.load(tx.db(), List.of(resultKey))
					.map(found -> new JournalPayloads.Reverse(found.get(resultKey), List.of()))),
				tx -> reverseFresh(tx.db(), viewer, input, key, sourceAddress))
			// A concurrent reversal of the same entry won the unique constraint on reversal_of.
			.onErrorResume(DuplicateKeyException.class, ex -> Mono.just(JournalPayloads.Reverse.failed(List.of(
					new JournalError(JournalError.Code.NOT_REVERSIBLE, "The entry has already been reversed", List.of("input", "entryId"))))));
	}

	private Mono<Outcome<JournalPayloads.Reverse>> reverseFresh(DatabaseClient db, Viewer viewer, JournalInputs.ReverseInput input,
			UUID originalKey, @Nullable String sourceAddress) {
		return store.load(db, List.of(originalKey)).zipWith(store.reversalsOf(db, List.of(originalKey))).flatMap(loaded -> {
			JournalEntry original = loaded.getT1().get(originalKey);
			if (original == null) {
				return rejectReversal(new JournalError(JournalError.Code.ENTRY_NOT_FOUND, "No journal entry with id " + input.entryId(),
						List.of("input", "entryId")));
			}
			if (original.reversalOfKey() != null || loaded.getT2().containsKey(originalKey)) {
				return rejectReversal(new JournalError(JournalError.Code.NOT_REVERSIBLE,
						original.reversalOfKey() != null ? "A reversal cannot itself be reversed; post a new entry instead"
								: "The entry has already been reversed",
						List.of("input", "entryId")));
			}
			LocalDate effectiveDate = input.effectiveDate() != null ? input.effectiveDate() : original.effectiveDate();
			NewEntry reversal = new NewEntry(UUID.randomUUID(), original.reference(),
					"Reversal: " + input.reason().strip(), effectiveDate, originalKey, original.reversalLines());
			AuditEntry audit = new AuditEntry(viewer.subject(), "ledger.journal.reversed", JournalEntry.TYPE_NAME, original.id(),
					sourceAddress, null,
					Map.of("reversalId", GlobalId.encode(JournalEntry.TYPE_NAME, reversal.key()), "reason", input.reason().strip()));
			return requireOpen(db, List.of(effectiveDate), List.of(List.of("input", "effectiveDate"))).flatMap(closed -> closed.isEmpty()
					? write(db, viewer, List.of(reversal), null)
						.then(store.load(db, List.of(reversal.key())))
						.map(found -> Outcome.committed(new JournalPayloads.Reverse(found.get(reversal.key()), List.of()), reversal.key(), audit))
					: Mono.just(Outcome.rejected(JournalPayloads.Reverse.failed(closed))));
		});
	}

	private static Mono<Outcome<JournalPayloads.Reverse>> rejectReversal(JournalError error) {
		return Mono.just(Outcome.rejected(JournalPayloads.Reverse.failed(List.of(error))));
	}

	private static List<JournalError> conflict() {
		return List.of(JournalError.conflict(List.of("input", "idempotencyKey")));
	}

	/** See {@link JournalPosting#post}. */
	Mono<List<UUID>> postWithin(DatabaseClient db, Viewer viewer, List<JournalPosting.Entry> entries, @Nullable UUID batchId) {
		List<CheckedEntry> checked = new ArrayList<>(entries.size());
		List<List<String>> paths = new ArrayList<>(entries.size());
		List<JournalError> invalid = new ArrayList<>();
		// An import chunk names the same few accounts on every line: encode and decode each once.
		Map<UUID, String> accountIdsByKey = new java.util.HashMap<>();
		JournalInputs.AccountIds accountIds = new JournalInputs.AccountIds();
		for (int index = 0; index < entries.size(); index++) {
			JournalPosting.Entry entry = entries.get(index);
			EntryInput input = new EntryInput("internal", entry.effectiveDate(), entry.description(), entry.reference(),
					entry.lines().stream().map(line -> new JournalInputs.LineInput(
							accountIdsByKey.computeIfAbsent(line.accountKey(), key -> GlobalId.encode("Account", key)), line.side(),
							line.amount(), line.currency(), line.memo(), line.dimensions()))
						.toList());
			List<String> path = List.of("entries", String.valueOf(index));
			List<JournalError> errors = JournalInputs.check(input, path, accountIds);
			invalid.addAll(errors);
			if (errors.isEmpty()) {
				checked.add(JournalInputs.checked(input, accountIds));
				paths.add(path);
			}
		}
		if (!invalid.isEmpty()) {
			return Mono.error(rejected(invalid));
		}
		if (entries.isEmpty()) {
			return Mono.just(List.of());
		}
		return verifyAgainstDatabase(db, checked, paths).flatMap(verified -> {
			if (!verified.errors().isEmpty()) {
				return Mono.error(rejected(verified.errors()));
			}
			List<NewEntry> written = checked.stream().map(entry -> newEntry(entry, null, verified.resolved())).toList();
			return write(db, viewer, written, batchId).thenReturn(written.stream().map(NewEntry::key).toList());
		});
	}

	private static JournalPosting.Rejected rejected(List<JournalError> errors) {
		return new JournalPosting.Rejected(errors.stream()
			.map(error -> new JournalPosting.Problem(Integer.parseInt(error.field() != null && error.field().size() > 1 ? error.field().get(1) : "0"),
					error.code().name(), error.message(), error.field() == null ? List.of() : error.field()))
			.toList());
	}

	Mono<Connection<JournalEntry>> list(Viewer viewer, PageRequest page, @Nullable LocalDate from, @Nullable LocalDate to) {
		if (page.cursorKey() != null && !page.cursorKey().matches("\\d{4}-\\d{2}-\\d{2}\\|\\d{1,19}")) {
			return Mono.error(new com.performanceos.platform.graphql.GraphQlException(
					com.performanceos.platform.graphql.ErrorCode.BAD_USER_INPUT, "Not a journal entry cursor"));
		}
		return database.inTransaction(viewer.tenant(), db -> store.page(db, from, to, page.cursorKey(), page.forward(), page.size())
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
	private Mono<Verified> verifyAgainstDatabase(DatabaseClient db, List<CheckedEntry> entries, List<List<String>> paths) {
		Set<UUID> accountKeys = new LinkedHashSet<>();
		Set<DimensionValueInput> dimensionValues = new LinkedHashSet<>();
		entries.forEach(entry -> {
			accountKeys.addAll(entry.accountKeys());
			entry.input().lines().forEach(line -> dimensionValues.addAll(line.dimensionValues()));
		});
		return store.accountCurrencies(db, accountKeys).zipWith(DimensionCatalog.resolve(db, dimensionValues)).flatMap(found -> {
			Map<UUID, Currency> currencies = found.getT1();
			Map<DimensionValueInput, DimensionValue> resolved = found.getT2();
			List<JournalError> errors = new ArrayList<>();
			for (int index = 0; index < entries.size(); index++) {
				CheckedEntry entry = entries.get(index);
				for (int line = 0; line < entry.accountKeys().size(); line++) {
					Currency accountCurrency = currencies.get(entry.accountKeys().get(line));
					Currency lineCurrency = entry.input().lines().get(line).currency();
					List<String> linePath = JournalInputs.append(paths.get(index), "lines", String.valueOf(line));
					if (accountCurrency == null) {
						errors.add(new JournalError(JournalError.Code.UNKNOWN_ACCOUNT, "No account with id "
								+ entry.input().lines().get(line).accountId(), JournalInputs.append(linePath, "accountId")));
					}
					else if (!accountCurrency.equals(lineCurrency)) {
						errors.add(new JournalError(JournalError.Code.CURRENCY_MISMATCH, "The account is kept in "
								+ accountCurrency.getCurrencyCode() + ", the line is in " + lineCurrency.getCurrencyCode(),
								JournalInputs.append(linePath, "currency")));
					}
					errors.addAll(unknownDimensionValues(entry.input().lines().get(line).dimensionValues(), resolved, linePath));
				}
			}
			if (!errors.isEmpty()) {
				return Mono.just(new Verified(errors, Map.of()));
			}
			return requireOpen(db, entries.stream().map(entry -> entry.input().effectiveDate()).toList(),
					paths.stream().map(path -> JournalInputs.append(path, "effectiveDate")).toList())
				.map(closed -> new Verified(closed, resolved));
		});
	}

	private static List<JournalError> unknownDimensionValues(List<DimensionValueInput> values,
			Map<DimensionValueInput, DimensionValue> resolved, List<String> linePath) {
		List<JournalError> errors = new ArrayList<>();
		for (int index = 0; index < values.size(); index++) {
			DimensionValueInput value = values.get(index);
			if (!resolved.containsKey(value)) {
				errors.add(new JournalError(JournalError.Code.UNKNOWN_DIMENSION_MEMBER, "No member " + value.member()
						+ " of dimension " + value.dimension(), JournalInputs.append(linePath, "dimensions", String.valueOf(index))));
			}
		}
		return errors;
	}

	/** The {@code PERIOD_CLOSED} problems of these dates; empty when every month is open. */
	private Mono<List<JournalError>> requireOpen(DatabaseClient db, List<LocalDate> dates, List<List<String>> fields) {
		Set<LocalDate> months = new LinkedHashSet<>();
		dates.forEach(date -> months.add(date.withDayOfMonth(1)));
		return store.closedMonths(db, months).flatMap(closed -> {
			List<JournalError> errors = new ArrayList<>();
			for (int index = 0; index < dates.size(); index++) {
				LocalDate month = dates.get(index).withDayOfMonth(1);
				if (closed.contains(month)) {
					errors.add(new JournalError(JournalError.Code.PERIOD_CLOSED,
							"The period " + month.toString().substring(0, 7) + " is closed", fields.get(index)));
				}
			}
			return Mono.just(errors);
		});
	}

	private Mono<Void> write(DatabaseClient db, Viewer viewer, List<NewEntry> entries, @Nullable UUID batchId) {
		DomainEvent event = JournalEvents.posted(viewer.tenant(), Instant.now(), entries, batchId, json);
		return store.insert(db, viewer.tenant(), entries, batchId).then(outbox.publish(db, event));
	}

	private static NewEntry newEntry(CheckedEntry checked, @Nullable UUID reversalOf,
			Map<DimensionValueInput, DimensionValue> resolved) {
		EntryInput input = checked.input();
		List<JournalEntry.PostingLine> lines = new ArrayList<>(input.lines().size());
		for (int index = 0; index < input.lines().size(); index++) {
			JournalInputs.LineInput line = input.lines().get(index);
			List<DimensionValue> dimensions = line.dimensionValues().stream()
				.map(resolved::get)
				.sorted(Comparator.comparing(DimensionValue::dimensionCode))
				.toList();
			lines.add(new JournalEntry.PostingLine(checked.accountKeys().get(index), line.side(),
					new Money(line.amount(), line.currency()), line.memo(), dimensions));
		}
		return new NewEntry(UUID.randomUUID(), input.reference(), input.description().strip(), input.effectiveDate(), reversalOf, lines);
	}

	/** The outcome of the database checks: the problems found, or the resolved dimension values. */
	private record Verified(List<JournalError> errors, Map<DimensionValueInput, DimensionValue> resolved) {
	}

}
