package com.performanceos.ledger.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import com.performanceos.ledger.accounts.AccountDirectory;
import com.performanceos.ledger.imports.JournalLinesImport.AccountRef;
import com.performanceos.ledger.imports.JournalLinesImport.ParsedLine;
import com.performanceos.ledger.journal.EntrySide;
import com.performanceos.ledger.journal.JournalDraft;
import com.performanceos.ledger.journal.JournalPosting;
import com.performanceos.ledger.journal.JournalProblem;
import com.performanceos.platform.graphql.Money;
import com.performanceos.platform.tenancy.TenantTransaction;

/**
 * One journal-lines file's run. Validation keeps the references of entries seen (to find an entry
 * repeated further down) and the months touched; application keeps only the entries of the current
 * chunk, posted at the end of each chunk.
 */
final class JournalRun implements ImportKindHandler.Run {

	private static final Set<ImportField> FREE_TEXT = Set.of(ImportField.MEMO, ImportField.DESCRIPTION);

	private final ImportContext context;

	private final JournalPosting posting;

	private @Nullable Map<String, AccountRef> accounts;

	private final Set<String> seenReferences = JournalLinesImport.newReferenceSet();

	private final Map<String, Integer> uncheckedReferences = new LinkedHashMap<>();

	private final Map<LocalDate, Integer> months = new LinkedHashMap<>();

	private BigDecimal amountSum = BigDecimal.ZERO;

	private @Nullable Checking checking;

	private @Nullable Pending pending;

	private final List<Pending> closed = new ArrayList<>();

	private final AccountDirectory directory;

	JournalRun(ImportContext context, JournalPosting posting, AccountDirectory directory) {
		this.context = context;
		this.posting = posting;
		this.directory = directory;
	}

	/** The entry being checked: its rows so far. */
	private static final class Checking {

		final String reference;

		final int firstRow;

		int lastRow;

		int lineCount;

		@Nullable LocalDate date;

		final Map<Currency, BigDecimal> net = JournalLinesImport.newNet();

		Checking(String reference, int firstRow) {
			this.reference = reference;
			this.firstRow = firstRow;
			this.lastRow = firstRow;
		}

	}

	/** The entry being gathered for posting. */
	private record Pending(String reference, int firstRow, List<Integer> rows, LocalDate date, String description,
			List<JournalDraft.Line> lines) {
	}

	@Override
	public Mono<Void> validate(TenantTransaction tx, List<SourceRow> chunk, ImportReport report) {
		return loadAccounts(tx).then(Mono.defer(() -> {
			for (SourceRow row : chunk) {
				check(row, report);
			}
			return checkAlreadyImported(tx, report);
		}));
	}

	@Override
	public Mono<Void> endValidation(TenantTransaction tx, ImportReport report) {
		if (checking != null) {
			close(checking, report);
			checking = null;
		}
		return checkAlreadyImported(tx, report).then(checkOpenPeriods(tx, report));
	}

	@Override
	public BigDecimal amountSum() {
		return amountSum;
	}

	@Override
	public Mono<Long> apply(TenantTransaction tx, List<SourceRow> chunk) {
		return loadAccounts(tx).then(Mono.defer(() -> {
			for (SourceRow row : chunk) {
				gather(row);
			}
			return post(tx);
		}));
	}

	@Override
	public Mono<Long> endApply(TenantTransaction tx) {
		if (pending != null) {
			closed.add(pending);
			pending = null;
		}
		return post(tx);
	}

	private Mono<Void> loadAccounts(TenantTransaction tx) {
		if (accounts != null) {
			return Mono.empty();
		}
		return JournalLinesImport.accounts(directory, tx)
			.doOnNext(found -> accounts = found)
			.then();
	}

	private ParsedLine parse(SourceRow row, ImportReport report) {
		String reference = RowChecks.required(context, row, ImportField.ENTRY_REFERENCE, report);
		if (reference != null && reference.length() > JournalLinesImport.REFERENCE_LENGTH_MAX) {
			report.error(row.number(), context.column(ImportField.ENTRY_REFERENCE), ImportProblemCode.INVALID_VALUE,
					"An entry reference has at most " + JournalLinesImport.REFERENCE_LENGTH_MAX + " characters");
			reference = null;
		}
		LocalDate date = RowChecks.date(context, row, ImportField.EFFECTIVE_DATE, report);
		String code = RowChecks.required(context, row, ImportField.ACCOUNT_CODE, report);
		AccountRef account = code == null ? null : java.util.Objects.requireNonNull(accounts).get(code);
		if (code != null && account == null) {
			report.error(row.number(), context.column(ImportField.ACCOUNT_CODE), ImportProblemCode.UNKNOWN_ACCOUNT,
					"No pivot account with code '" + code + "'");
		}
		EntrySide side = null;
		BigDecimal amount = null;
		if (context.columns().containsKey(ImportField.AMOUNT)) {
			BigDecimal signed = RowChecks.amount(context, row, ImportField.AMOUNT, report);
			if (signed != null && signed.signum() == 0) {
				report.error(row.number(), context.column(ImportField.AMOUNT), ImportProblemCode.INVALID_AMOUNT, "The amount is zero");
			}
			else if (signed != null) {
				side = signed.signum() > 0 ? EntrySide.DEBIT : EntrySide.CREDIT;
				amount = signed.abs();
			}
		}
		else {
			BigDecimal debit = RowChecks.optionalAmount(context, row, ImportField.DEBIT, report);
			BigDecimal credit = RowChecks.optionalAmount(context, row, ImportField.CREDIT, report);
			boolean hasDebit = debit != null && debit.signum() != 0;
			boolean hasCredit = credit != null && credit.signum() != 0;
			if (hasDebit == hasCredit || (hasDebit && debit.signum() < 0) || (hasCredit && credit.signum() < 0)) {
				String column = context.column(hasCredit && !hasDebit ? ImportField.CREDIT : ImportField.DEBIT);
				report.error(row.number(), column, ImportProblemCode.INVALID_AMOUNT,
						"A row needs exactly one positive amount, as a debit or as a credit");
			}
			else {
				side = hasDebit ? EntrySide.DEBIT : EntrySide.CREDIT;
				amount = hasDebit ? debit : credit;
			}
		}
		Currency currency = RowChecks.currency(context, row, report);
		if (account != null && currency != null && !account.currency().equals(currency)) {
			report.error(row.number(), context.column(ImportField.CURRENCY), ImportProblemCode.CURRENCY_MISMATCH,
					"Account '" + code + "' is kept in " + account.currency().getCurrencyCode() + ", the row is in " + currency.getCurrencyCode());
		}
		String memo = row.value(ImportField.MEMO);
		if (memo != null && memo.length() > RowChecks.TEXT_LENGTH_MAX) {
			report.error(row.number(), context.column(ImportField.MEMO), ImportProblemCode.INVALID_VALUE,
					"A memo has at most " + RowChecks.TEXT_LENGTH_MAX + " characters");
		}
		RowChecks.personalData(context, row, FREE_TEXT, report);
		return new ParsedLine(reference, date, account, side, amount, currency);
	}

	private void check(SourceRow row, ImportReport report) {
		ParsedLine line = parse(row, report);
		if (line.side() == EntrySide.DEBIT && line.amount() != null) {
			amountSum = amountSum.add(line.amount());
		}
		if (line.reference() == null) {
			return;
		}
		if (checking == null || !checking.reference.equals(line.reference())) {
			if (checking != null) {
				close(checking, report);
			}
			if (seenReferences.contains(line.reference())) {
				report.error(row.number(), context.column(ImportField.ENTRY_REFERENCE), ImportProblemCode.DUPLICATE_ROW,
						"Entry reference '" + line.reference() + "' already appeared above: an entry's rows must be contiguous and appear once");
			}
			checking = new Checking(line.reference(), row.number());
		}
		checking.lastRow = row.number();
		checking.lineCount++;
		if (line.date() != null) {
			if (checking.date == null) {
				checking.date = line.date();
			}
			else if (!checking.date.equals(line.date())) {
				report.error(row.number(), context.column(ImportField.EFFECTIVE_DATE), ImportProblemCode.INVALID_VALUE,
						"All rows of entry '" + checking.reference + "' must share one effective date (" + checking.date + ")");
			}
		}
		JournalLinesImport.net(checking.net, line);
	}

	private void close(Checking entry, ImportReport report) {
		if (entry.lineCount < JournalDraft.LINES_MIN) {
			report.error(entry.firstRow, context.column(ImportField.ENTRY_REFERENCE), ImportProblemCode.INVALID_VALUE,
					"Entry '" + entry.reference + "' has one row; an entry needs at least two");
		}
		List<String> differences = JournalDraft.imbalances(entry.net).stream()
			.map(difference -> difference.amount().abs().toPlainString() + " " + difference.currency().getCurrencyCode())
			.toList();
		if (!differences.isEmpty()) {
			report.error(entry.lastRow, context.column(context.columns().containsKey(ImportField.AMOUNT) ? ImportField.AMOUNT : ImportField.DEBIT),
					ImportProblemCode.UNBALANCED_ENTRY,
					"Entry '" + entry.reference + "' (rows " + entry.firstRow + "-" + entry.lastRow + ") does not balance: debits and credits differ by "
							+ String.join(", ", differences));
		}
		if (seenReferences.add(entry.reference)) {
			uncheckedReferences.put(entry.reference, entry.firstRow);
		}
		if (entry.date != null) {
			months.putIfAbsent(entry.date.withDayOfMonth(1), entry.firstRow);
		}
	}

	private Mono<Void> checkAlreadyImported(TenantTransaction tx, ImportReport report) {
		if (uncheckedReferences.isEmpty()) {
			return Mono.empty();
		}
		Map<String, Integer> batch = new LinkedHashMap<>(uncheckedReferences);
		uncheckedReferences.clear();
		return tx.db().sql("SELECT entry_reference, import_id FROM ledger_import_line_source WHERE entry_reference = ANY(:references)")
			.bind("references", batch.keySet().toArray(String[]::new))
			.map(row -> row.get("entry_reference", String.class))
			.all()
			.doOnNext(reference -> report.error(batch.get(reference), context.column(ImportField.ENTRY_REFERENCE),
					ImportProblemCode.ALREADY_IMPORTED, "Entry reference '" + reference + "' was already imported into the ledger"))
			.then();
	}

	private Mono<Void> checkOpenPeriods(TenantTransaction tx, ImportReport report) {
		if (months.isEmpty()) {
			return Mono.empty();
		}
		return posting.closedMonths(tx, months.keySet())
			.flatMapIterable(closed -> closed.stream().sorted().toList())
			.doOnNext(month -> report.error(months.get(month), context.column(ImportField.EFFECTIVE_DATE), ImportProblemCode.PERIOD_CLOSED,
					"The period " + month.toString().substring(0, 7) + " is closed"))
			.then();
	}

	private void gather(SourceRow row) {
		// Validation passed, so every value parses; the throwaway report only satisfies the signature.
		ParsedLine line = parse(row, new ImportReport(1));
		if (!line.complete()) {
			throw new IllegalStateException("Row " + row.number() + " changed between validation and application");
		}
		if (pending == null || !pending.reference().equals(line.reference())) {
			if (pending != null) {
				closed.add(pending);
			}
			String description = row.value(ImportField.DESCRIPTION);
			if (description == null) {
				description = "Import " + context.fileName() + " - " + line.reference();
			}
			pending = new Pending(line.reference(), row.number(), new ArrayList<>(), line.date(),
					description.length() > RowChecks.TEXT_LENGTH_MAX ? description.substring(0, RowChecks.TEXT_LENGTH_MAX) : description,
					new ArrayList<>());
		}
		pending.rows().add(row.number());
		pending.lines().add(new JournalDraft.Line(line.account().key(), line.side(), new Money(line.amount(), line.currency()),
				row.value(ImportField.MEMO)));
	}

	private Mono<Long> post(TenantTransaction tx) {
		if (closed.isEmpty()) {
			return Mono.just(0L);
		}
		List<Pending> entries = List.copyOf(closed);
		closed.clear();
		List<JournalDraft> toPost = entries.stream()
			.map(entry -> new JournalDraft(entry.date(), entry.description(), entry.reference(), entry.lines()))
			.toList();
		return posting.post(tx, toPost, context.importKey())
			.onErrorMap(JournalPosting.Rejected.class, rejected -> new ImportRefused(rejected.problems().stream()
				.map(problem -> toImportProblem(problem, entries))
				.toList()))
			.flatMap(keys -> recordLineage(tx, entries, keys).thenReturn((long) keys.size()));
	}

	private Mono<Void> recordLineage(TenantTransaction tx, List<Pending> entries, List<UUID> keys) {
		return tx.db().sql("""
				INSERT INTO ledger_import_line_source (tenant_id, entry_id, import_id, file_sha256, entry_reference, first_row, last_row)
				SELECT :tenant, entry_id, :import, :sha256, reference, first_row, last_row
				FROM unnest(CAST(:entries AS uuid[]), CAST(:references AS text[]), CAST(:firstRows AS int[]), CAST(:lastRows AS int[]))
				     AS s(entry_id, reference, first_row, last_row)""")
			.bind("tenant", context.viewer().tenant())
			.bind("import", context.importKey())
			.bind("sha256", context.sha256())
			.bind("entries", keys.toArray(UUID[]::new))
			.bind("references", entries.stream().map(Pending::reference).toArray(String[]::new))
			.bind("firstRows", entries.stream().map(entry -> entry.rows().get(0)).toArray(Integer[]::new))
			.bind("lastRows", entries.stream().map(entry -> entry.rows().get(entry.rows().size() - 1)).toArray(Integer[]::new))
			.then();
	}

	private ImportProblem toImportProblem(JournalProblem problem, List<Pending> entries) {
		Pending entry = entries.get(Math.min(Math.max(problem.entryIndex(), 0), entries.size() - 1));
		int line = problem.lineIndex();
		int row = line != JournalProblem.ENTRY && line < entry.rows().size() ? entry.rows().get(line) : entry.firstRow();
		ImportField field = switch (problem.field()) {
			case ACCOUNT -> ImportField.ACCOUNT_CODE;
			case EFFECTIVE_DATE -> ImportField.EFFECTIVE_DATE;
			case CURRENCY -> ImportField.CURRENCY;
			case MEMO -> ImportField.MEMO;
			default -> ImportField.ENTRY_REFERENCE;
		};
		ImportProblemCode code = switch (problem.code()) {
			case UNKNOWN_ACCOUNT -> ImportProblemCode.UNKNOWN_ACCOUNT;
			case CURRENCY_MISMATCH -> ImportProblemCode.CURRENCY_MISMATCH;
			case PERIOD_CLOSED -> ImportProblemCode.PERIOD_CLOSED;
			case UNBALANCED_ENTRY -> ImportProblemCode.UNBALANCED_ENTRY;
			default -> ImportProblemCode.INVALID_VALUE;
		};
		return new ImportProblem(row, context.column(field), code, ImportProblem.Severity.ERROR, problem.message(), null, null);
	}

}
