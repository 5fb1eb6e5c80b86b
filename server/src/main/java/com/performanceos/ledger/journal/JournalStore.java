package com.performanceos.ledger.journal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import com.performanceos.ledger.accounts.AccountDirectory;
import com.performanceos.ledger.dimensions.DimensionCatalog;
import com.performanceos.ledger.dimensions.DimensionValue;
import com.performanceos.ledger.periods.ClosedMonths;
import com.performanceos.platform.graphql.Money;
import com.performanceos.platform.tenancy.TenantTransaction;

/**
 * The journal's SQL. Writes are set-based (one statement for the entries and their lines whatever
 * their number, through {@code unnest} of arrays) so a 10,000-entry batch costs a handful of round
 * trips. All methods run inside a tenant transaction; row-level security scopes every read.
 */
@Component
class JournalStore {

	private final AccountDirectory accounts;

	JournalStore(AccountDirectory accounts) {
		this.accounts = accounts;
	}

	private static final String ENTRY_COLUMNS = "id, posting_seq, reference, description, effective_date, posted_at, reversal_of";

	/** An entry about to be written. */
	record NewEntry(UUID key, @Nullable String reference, String description, LocalDate effectiveDate,
			@Nullable UUID reversalOf, List<JournalEntry.PostingLine> lines) {
	}

	/** Currencies of the given accounts that exist in the tenant, from the accounts' owner (and its cache). */
	Mono<Map<UUID, Currency>> accountCurrencies(TenantTransaction tx, Collection<UUID> accountKeys) {
		return accounts.loadWithin(tx, accountKeys).map(found -> {
			Map<UUID, Currency> currencies = new HashMap<>();
			found.forEach((key, account) -> currencies.put(key, account.currency()));
			return currencies;
		});
	}

	/** Which of the given months (first days) are closed, their period locks held (the periods' rule). */
	Mono<Set<LocalDate>> closedMonths(DatabaseClient db, Collection<LocalDate> months) {
		return ClosedMonths.lockedAmong(db, months);
	}

	/**
	 * Writes entries and their lines in one statement. The lines carry their entry's effective date
	 * and system time (so balances read one table) straight from the arrays: reading them back from
	 * the entries would join the whole entry table. One clock reading is the system time of the
	 * whole write, which commits as one.
	 */
	Mono<Void> insert(TenantTransaction tx, List<NewEntry> entries, @Nullable UUID batchId) {
		entries.forEach(JournalStore::assertBalanced);
		int lineCount = entries.stream().mapToInt(entry -> entry.lines().size()).sum();
		UUID[] lineEntries = new UUID[lineCount];
		Integer[] lineNumbers = new Integer[lineCount];
		UUID[] lineAccounts = new UUID[lineCount];
		String[] lineSides = new String[lineCount];
		String[] lineAmounts = new String[lineCount];
		String[] lineCurrencies = new String[lineCount];
		String[] lineMemos = new String[lineCount];
		LocalDate[] lineDates = new LocalDate[lineCount];
		int position = 0;
		for (NewEntry entry : entries) {
			for (int index = 0; index < entry.lines().size(); index++) {
				JournalEntry.PostingLine line = entry.lines().get(index);
				lineEntries[position] = entry.key();
				lineNumbers[position] = index + 1;
				lineAccounts[position] = line.accountKey();
				lineSides[position] = line.side().name();
				lineAmounts[position] = line.amount().amount().toPlainString();
				lineCurrencies[position] = line.amount().currency().getCurrencyCode();
				lineMemos[position] = line.memo();
				lineDates[position] = entry.effectiveDate();
				position++;
			}
		}
		var insert = tx.db().sql("""
				WITH written AS (SELECT clock_timestamp() AS posted_at),
				entry AS (
				  INSERT INTO ledger_journal_entry (tenant_id, id, reference, description, effective_date, reversal_of, line_count,
				                                    batch_id, posted_at)
				  SELECT :tenant, e.id, e.reference, e.description, e.effective_date, e.reversal_of, e.line_count,
				         CAST(:batch AS uuid), written.posted_at
				  FROM unnest(CAST(:ids AS uuid[]), CAST(:references AS text[]), CAST(:descriptions AS text[]),
				              CAST(:dates AS date[]), CAST(:reversals AS uuid[]), CAST(:counts AS int[]))
				       AS e(id, reference, description, effective_date, reversal_of, line_count)
				  CROSS JOIN written)
				INSERT INTO ledger_journal_line (tenant_id, entry_id, line_number, account_id, side, amount, currency, memo,
				                                 effective_date, posted_at)
				SELECT :tenant, l.entry_id, l.line_number, l.account_id, l.side, l.amount, l.currency, l.memo, l.effective_date,
				       written.posted_at
				FROM unnest(CAST(:entries AS uuid[]), CAST(:numbers AS int[]), CAST(:accounts AS uuid[]), CAST(:sides AS text[]),
				            CAST(:amounts AS numeric[]), CAST(:currencies AS text[]), CAST(:memos AS text[]), CAST(:lineDates AS date[]))
				     AS l(entry_id, line_number, account_id, side, amount, currency, memo, effective_date)
				CROSS JOIN written""")
			.bind("tenant", tx.tenant())
			.bind("ids", entries.stream().map(NewEntry::key).toArray(UUID[]::new))
			.bind("references", entries.stream().map(NewEntry::reference).toArray(String[]::new))
			.bind("descriptions", entries.stream().map(NewEntry::description).toArray(String[]::new))
			.bind("dates", entries.stream().map(NewEntry::effectiveDate).toArray(LocalDate[]::new))
			.bind("reversals", entries.stream().map(NewEntry::reversalOf).toArray(UUID[]::new))
			.bind("counts", entries.stream().map(entry -> entry.lines().size()).toArray(Integer[]::new))
			.bind("entries", lineEntries)
			.bind("numbers", lineNumbers)
			.bind("accounts", lineAccounts)
			.bind("sides", lineSides)
			.bind("amounts", lineAmounts)
			.bind("currencies", lineCurrencies)
			.bind("memos", lineMemos)
			.bind("lineDates", lineDates);
		insert = batchId == null ? insert.bindNull("batch", String.class) : insert.bind("batch", batchId.toString());
		return insert.then().then(insertDimensions(tx, entries));
	}

	/** The lines' dimension values, in one statement; none is issued when no line carries any. */
	/**
	 * The invariant of double entry, asserted right before the write whatever path the entry took:
	 * debits equal credits in every currency. A failure here is a bug in a check upstream.
	 */
	static void assertBalanced(NewEntry entry) {
		Map<Currency, BigDecimal> net = JournalDraft.newNet();
		entry.lines().forEach(line -> net.merge(line.amount().currency(),
				line.side() == EntrySide.DEBIT ? line.amount().amount() : line.amount().amount().negate(), BigDecimal::add));
		if (!JournalDraft.imbalances(net).isEmpty()) {
			throw new IllegalStateException("Unbalanced entry " + entry.key() + " reached the write: " + JournalDraft.imbalances(net));
		}
	}

	private static Mono<Void> insertDimensions(TenantTransaction tx, List<NewEntry> entries) {
		List<UUID> entryKeys = new ArrayList<>();
		List<Integer> lineNumbers = new ArrayList<>();
		List<UUID> dimensionKeys = new ArrayList<>();
		List<UUID> memberKeys = new ArrayList<>();
		for (NewEntry entry : entries) {
			for (int index = 0; index < entry.lines().size(); index++) {
				for (DimensionValue value : entry.lines().get(index).dimensions()) {
					entryKeys.add(entry.key());
					lineNumbers.add(index + 1);
					dimensionKeys.add(value.dimensionKey());
					memberKeys.add(value.memberKey());
				}
			}
		}
		if (entryKeys.isEmpty()) {
			return Mono.empty();
		}
		return tx.db().sql("""
				INSERT INTO ledger_journal_line_dimension (tenant_id, entry_id, line_number, dimension_id, member_id)
				SELECT :tenant, v.entry_id, v.line_number, v.dimension_id, v.member_id
				FROM unnest(CAST(:entries AS uuid[]), CAST(:numbers AS int[]), CAST(:dimensions AS uuid[]), CAST(:members AS uuid[]))
				     AS v(entry_id, line_number, dimension_id, member_id)""")
			.bind("tenant", tx.tenant())
			.bind("entries", entryKeys.toArray(UUID[]::new))
			.bind("numbers", lineNumbers.toArray(Integer[]::new))
			.bind("dimensions", dimensionKeys.toArray(UUID[]::new))
			.bind("members", memberKeys.toArray(UUID[]::new))
			.then();
	}

	/** Entries with their lines, keyed by primary key, in the order of {@code keys}. */
	Mono<Map<UUID, JournalEntry>> load(DatabaseClient db, Collection<UUID> keys) {
		UUID[] keyArray = keys.toArray(UUID[]::new);
		Mono<List<EntryRow>> entries = db.sql("SELECT " + ENTRY_COLUMNS + " FROM ledger_journal_entry WHERE id = ANY(:keys)")
			.bind("keys", keyArray)
			.map(JournalStore::toEntryRow)
			.all()
			.collectList();
		return entries.flatMap(rows -> withLines(db, rows));
	}

	/** The reversal of each given entry that has one: original key → reversal key. */
	Mono<Map<UUID, UUID>> reversalsOf(DatabaseClient db, Collection<UUID> keys) {
		return db.sql("SELECT id, reversal_of FROM ledger_journal_entry WHERE reversal_of = ANY(:keys)")
			.bind("keys", keys.toArray(UUID[]::new))
			.map(row -> Map.entry(row.get("reversal_of", UUID.class), row.get("id", UUID.class)))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
	}

	/** One page of entries in (effective date, posting order), plus the total. */
	Mono<Page> page(DatabaseClient db, @Nullable LocalDate from, @Nullable LocalDate to, @Nullable String cursor,
			boolean forward, int size) {
		StringBuilder where = new StringBuilder(" WHERE true");
		if (from != null) {
			where.append(" AND effective_date >= :from");
		}
		if (to != null) {
			where.append(" AND effective_date <= :to");
		}
		String filter = where.toString();
		if (cursor != null) {
			where.append(forward ? " AND (effective_date, posting_seq) > (:cursorDate, :cursorSeq)"
					: " AND (effective_date, posting_seq) < (:cursorDate, :cursorSeq)");
		}
		String order = forward ? "ASC" : "DESC";
		var select = db.sql("SELECT " + ENTRY_COLUMNS + " FROM ledger_journal_entry" + where + " ORDER BY effective_date " + order
				+ ", posting_seq " + order + " LIMIT :limit")
			.bind("limit", size + 1);
		var count = db.sql("SELECT count(*) AS total FROM ledger_journal_entry" + filter);
		if (from != null) {
			select = select.bind("from", from);
			count = count.bind("from", from);
		}
		if (to != null) {
			select = select.bind("to", to);
			count = count.bind("to", to);
		}
		if (cursor != null) {
			String[] parts = cursor.split("\\|", 2);
			select = select.bind("cursorDate", LocalDate.parse(parts[0])).bind("cursorSeq", Long.parseLong(parts[1]));
		}
		Mono<List<JournalEntry>> rows = select.map(JournalStore::toEntryRow).all().collectList()
			.flatMap(found -> withLines(db, found).map(byKey -> found.stream().map(row -> byKey.get(row.key())).toList()));
		return rows.zipWith(count.map(row -> row.get("total", Long.class)).one(), (found, total) -> new Page(found, total.intValue()));
	}

	/** Counts of a batch's entries and lines, for idempotent replays of a bulk posting. */
	Mono<int[]> batchCounts(DatabaseClient db, UUID batchId) {
		return db.sql("SELECT count(*) AS entries, coalesce(sum(line_count), 0) AS lines FROM ledger_journal_entry WHERE batch_id = :batch")
			.bind("batch", batchId)
			.map(row -> new int[] { row.get("entries", Long.class).intValue(), ((Number) row.get("lines")).intValue() })
			.one();
	}

	static String cursorOf(JournalEntry entry) {
		return entry.effectiveDate() + "|" + entry.postingSequence();
	}

	/** A page of entries and the total matching. */
	record Page(List<JournalEntry> entries, int total) {
	}

	private Mono<Map<UUID, JournalEntry>> withLines(DatabaseClient db, List<EntryRow> rows) {
		if (rows.isEmpty()) {
			return Mono.just(Map.of());
		}
		return db.sql("SELECT entry_id, line_number, account_id, side, amount, currency, memo FROM ledger_journal_line "
				+ "WHERE entry_id = ANY(:keys) ORDER BY entry_id, line_number")
			.bind("keys", rows.stream().map(EntryRow::key).toArray(UUID[]::new))
			.map(row -> Map.entry(row.get("entry_id", UUID.class), toLine(row)))
			.all()
			.collectMultimap(Map.Entry::getKey, Map.Entry::getValue)
			.zipWith(lineDimensions(db, rows))
			.map(loaded -> {
				Map<UUID, Collection<JournalEntry.Line>> lines = loaded.getT1();
				Map<UUID, JournalEntry> entries = new LinkedHashMap<>();
				for (EntryRow row : rows) {
					Map<Integer, List<DimensionValue>> dimensions = loaded.getT2().getOrDefault(row.key(), Map.of());
					List<JournalEntry.Line> entryLines = lines.getOrDefault(row.key(), List.of()).stream()
						.map(line -> dimensions.containsKey(line.lineNumber()) ? new JournalEntry.Line(line.lineNumber(),
								line.accountKey(), line.side(), line.amount(), line.memo(), dimensions.get(line.lineNumber())) : line)
						.toList();
					entries.put(row.key(), new JournalEntry(row.key(), row.sequence(), row.reference(), row.description(),
							row.effectiveDate(), row.postedAt().toInstant(), row.reversalOf(), entryLines));
				}
				return entries;
			});
	}

	/** The dimension values of the entries' lines: entry key, then line number, to values by dimension code. */
	private static Mono<Map<UUID, Map<Integer, List<DimensionValue>>>> lineDimensions(DatabaseClient db, List<EntryRow> rows) {
		// The codes come from the dimensions' owner, by member key: one more statement per page, not per line.
		return db.sql("SELECT entry_id, line_number, member_id FROM ledger_journal_line_dimension WHERE entry_id = ANY(:keys)")
			.bind("keys", rows.stream().map(EntryRow::key).toArray(UUID[]::new))
			.map(row -> new LineDimension(row.get("entry_id", UUID.class), row.get("line_number", Integer.class),
					row.get("member_id", UUID.class)))
			.all()
			.collectList()
			.flatMap(found -> DimensionCatalog.members(db, found.stream().map(LineDimension::memberKey).collect(Collectors.toSet()))
				.map(members -> {
					Map<UUID, Map<Integer, List<DimensionValue>>> byEntry = new HashMap<>();
					for (LineDimension value : found) {
						byEntry.computeIfAbsent(value.entryKey(), key -> new HashMap<>())
							.computeIfAbsent(value.lineNumber(), number -> new ArrayList<>())
							.add(members.get(value.memberKey()));
					}
					byEntry.values().forEach(lines -> lines.values().forEach(values -> values.sort(BY_DIMENSION_CODE)));
					return byEntry;
				}));
	}

	private static final Comparator<DimensionValue> BY_DIMENSION_CODE = Comparator.comparing(DimensionValue::dimensionCode);

	private record LineDimension(UUID entryKey, int lineNumber, UUID memberKey) {
	}

	private static JournalEntry.Line toLine(Readable row) {
		return new JournalEntry.Line(row.get("line_number", Integer.class), row.get("account_id", UUID.class),
				EntrySide.valueOf(row.get("side", String.class)),
				new Money(row.get("amount", BigDecimal.class), Currency.getInstance(row.get("currency", String.class))),
				row.get("memo", String.class));
	}

	private static EntryRow toEntryRow(Readable row) {
		return new EntryRow(row.get("id", UUID.class), row.get("posting_seq", Long.class), row.get("reference", String.class),
				row.get("description", String.class), row.get("effective_date", LocalDate.class),
				row.get("posted_at", OffsetDateTime.class), row.get("reversal_of", UUID.class));
	}

	private record EntryRow(UUID key, long sequence, @Nullable String reference, String description, LocalDate effectiveDate,
			OffsetDateTime postedAt, @Nullable UUID reversalOf) {
	}

}
