package com.performanceos.ledger.journal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import com.performanceos.ledger.accounts.AccountDirectory;
import com.performanceos.ledger.dimensions.DimensionCatalog;
import com.performanceos.ledger.dimensions.DimensionValue;
import com.performanceos.ledger.periods.ClosedMonths;
import com.performanceos.platform.graphql.Connection;
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

	/** Entries with their lines, keyed by primary key, in the order of {@code keys}: one statement. */
	Mono<Map<UUID, JournalEntry>> load(DatabaseClient db, Collection<UUID> keys) {
		if (keys.isEmpty()) {
			return Mono.just(Map.of());
		}
		return db.sql(withLines("SELECT " + ENTRY_COLUMNS + " FROM ledger_journal_entry WHERE id = ANY(:keys)", "e.posting_seq"))
			.bind("keys", keys.toArray(UUID[]::new))
			.map(JournalStore::toEntryRow)
			.all()
			.collectList()
			.flatMap(rows -> entries(db, rows))
			.map(found -> {
				Map<UUID, JournalEntry> byKey = new LinkedHashMap<>();
				found.forEach(entry -> byKey.put(entry.key(), entry));
				Map<UUID, JournalEntry> ordered = new LinkedHashMap<>();
				keys.forEach(key -> {
					JournalEntry entry = byKey.get(key);
					if (entry != null) {
						ordered.put(key, entry);
					}
				});
				return ordered;
			});
	}

	/** The reversal of each given entry that has one: original key → reversal key. */
	Mono<Map<UUID, UUID>> reversalsOf(DatabaseClient db, Collection<UUID> keys) {
		return db.sql("SELECT id, reversal_of FROM ledger_journal_entry WHERE reversal_of = ANY(:keys)")
			.bind("keys", keys.toArray(UUID[]::new))
			.map(row -> Map.entry(row.get("reversal_of", UUID.class), row.get("id", UUID.class)))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
	}

	/**
	 * One page of entries in (effective date, posting order) with their lines, plus the total when
	 * {@code counted} ({@link Connection#TOTAL_NOT_SELECTED} otherwise: counting scans every matching
	 * entry). Page, lines and count are one statement, as PostGraphile answers a root field: each
	 * round trip to PostgreSQL costs a request more than the rows do (bench/README.md, read path).
	 * A second statement is made only for lines that carry dimension values (their codes belong to
	 * the dimensions' owner).
	 */
	Mono<Page> page(DatabaseClient db, @Nullable LocalDate from, @Nullable LocalDate to, @Nullable String cursor,
			boolean forward, int size, boolean counted) {
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
		String pageOrder = "effective_date " + order + ", posting_seq " + order;
		String entries = withLines("SELECT " + ENTRY_COLUMNS + " FROM ledger_journal_entry" + where + " ORDER BY " + pageOrder
				+ " LIMIT :limit", "e." + pageOrder.replace(", ", ", e."));
		// The count is the outer row source so that an empty page still answers it (one row of nulls).
		String sql = counted ? "SELECT c.total, p.* FROM (SELECT count(*) AS total FROM ledger_journal_entry" + filter
				+ ") c LEFT JOIN LATERAL (" + entries + ") p ON true ORDER BY p." + pageOrder.replace(", ", ", p.") : entries;
		var select = db.sql(sql).bind("limit", size + 1);
		if (from != null) {
			select = select.bind("from", from);
		}
		if (to != null) {
			select = select.bind("to", to);
		}
		if (cursor != null) {
			String[] parts = cursor.split("\\|", 2);
			select = select.bind("cursorDate", LocalDate.parse(parts[0])).bind("cursorSeq", Long.parseLong(parts[1]));
		}
		return select.map(row -> new PageRow(counted ? row.get("total", Long.class) : null,
				row.get("id", UUID.class) == null ? null : toEntryRow(row)))
			.all()
			.collectList()
			.flatMap(rows -> {
				List<EntryRow> found = rows.stream().map(PageRow::entry).filter(Objects::nonNull).toList();
				int total = counted && !rows.isEmpty() ? Objects.requireNonNull(rows.get(0).total()).intValue()
						: Connection.TOTAL_NOT_SELECTED;
				return entries(db, found).map(page -> new Page(page, total));
			});
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

	/**
	 * A statement answering the entries {@code entrySelect} picks with their lines and the lines'
	 * dimension members, aggregated per entry into arrays: one row per entry, in {@code order}.
	 */
	private static String withLines(String entrySelect, String order) {
		return """
				SELECT e.*, l.line_numbers, l.line_accounts, l.line_sides, l.line_amounts, l.line_currencies, l.line_memos,
				       d.dimension_lines, d.dimension_members
				FROM (%s) e
				CROSS JOIN LATERAL (
				  SELECT array_agg(line_number ORDER BY line_number) AS line_numbers,
				         array_agg(account_id ORDER BY line_number) AS line_accounts,
				         array_agg(side ORDER BY line_number) AS line_sides,
				         array_agg(amount::text ORDER BY line_number) AS line_amounts,
				         array_agg(currency::text ORDER BY line_number) AS line_currencies,
				         array_agg(memo ORDER BY line_number) AS line_memos
				  FROM ledger_journal_line WHERE entry_id = e.id) l
				CROSS JOIN LATERAL (
				  SELECT array_agg(line_number) AS dimension_lines, array_agg(member_id) AS dimension_members
				  FROM ledger_journal_line_dimension WHERE entry_id = e.id) d
				ORDER BY %s""".formatted(entrySelect, order);
	}

	/**
	 * The entries of the rows, in their order, with the codes of their lines' dimension values from
	 * the dimensions' owner: one more statement only when a line carries a value.
	 */
	private static Mono<List<JournalEntry>> entries(DatabaseClient db, List<EntryRow> rows) {
		Set<UUID> members = new HashSet<>();
		rows.forEach(row -> members.addAll(Arrays.asList(row.dimensionMembers())));
		return DimensionCatalog.members(db, members).map(byMember -> rows.stream().map(row -> row.entry(byMember)).toList());
	}

	/** A row of a counted or uncounted page: an empty page answers one row without entry. */
	private record PageRow(@Nullable Long total, @Nullable EntryRow entry) {
	}

	private static EntryRow toEntryRow(Readable row) {
		return new EntryRow(row.get("id", UUID.class), row.get("posting_seq", Long.class), row.get("reference", String.class),
				row.get("description", String.class), row.get("effective_date", LocalDate.class),
				row.get("posted_at", OffsetDateTime.class), row.get("reversal_of", UUID.class), toLines(row),
				orEmpty(row.get("dimension_lines", Integer[].class)), orEmptyKeys(row.get("dimension_members", UUID[].class)));
	}

	private static List<JournalEntry.Line> toLines(Readable row) {
		Integer[] numbers = orEmpty(row.get("line_numbers", Integer[].class));
		UUID[] accounts = orEmptyKeys(row.get("line_accounts", UUID[].class));
		String[] sides = row.get("line_sides", String[].class);
		String[] amounts = row.get("line_amounts", String[].class);
		String[] currencies = row.get("line_currencies", String[].class);
		String[] memos = row.get("line_memos", String[].class);
		List<JournalEntry.Line> lines = new ArrayList<>(numbers.length);
		for (int index = 0; index < numbers.length; index++) {
			lines.add(new JournalEntry.Line(numbers[index], accounts[index], EntrySide.valueOf(sides[index]),
					new Money(new BigDecimal(amounts[index]), Currency.getInstance(currencies[index])), memos[index]));
		}
		return lines;
	}

	private static Integer[] orEmpty(Integer @Nullable [] values) {
		return values == null ? new Integer[0] : values;
	}

	private static UUID[] orEmptyKeys(UUID @Nullable [] values) {
		return values == null ? new UUID[0] : values;
	}

	private static final Comparator<DimensionValue> BY_DIMENSION_CODE = Comparator.comparing(DimensionValue::dimensionCode);

	/** An entry as read, its lines without their dimension values' codes yet. */
	private record EntryRow(UUID key, long sequence, @Nullable String reference, String description, LocalDate effectiveDate,
			OffsetDateTime postedAt, @Nullable UUID reversalOf, List<JournalEntry.Line> lines, Integer[] dimensionLines,
			UUID[] dimensionMembers) {

		JournalEntry entry(Map<UUID, DimensionValue> members) {
			Map<Integer, List<DimensionValue>> byLine = new HashMap<>();
			for (int index = 0; index < dimensionLines.length; index++) {
				byLine.computeIfAbsent(dimensionLines[index], number -> new ArrayList<>()).add(members.get(dimensionMembers[index]));
			}
			byLine.values().forEach(values -> values.sort(BY_DIMENSION_CODE));
			List<JournalEntry.Line> withValues = lines.stream()
				.map(line -> byLine.containsKey(line.lineNumber()) ? new JournalEntry.Line(line.lineNumber(), line.accountKey(),
						line.side(), line.amount(), line.memo(), byLine.get(line.lineNumber())) : line)
				.toList();
			return new JournalEntry(key, sequence, reference, description, effectiveDate, postedAt.toInstant(), reversalOf,
					withValues);
		}

	}

}
