package com.performanceos.ledger.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.performanceos.ledger.bank.BankStatements;
import com.performanceos.platform.privacy.Iban;
import com.performanceos.platform.security.Role;
import com.performanceos.platform.tenancy.TenantTransaction;

/**
 * Bank statements: one row per transaction of one of the tenant's bank accounts (named by IBAN),
 * stored through {@link BankStatements} exactly as aggregator deliveries are, so an external id
 * already delivered by the webhook is a duplicate, rules categorise the new transactions and each
 * bank account touched announces one {@code cashPositionChanged} for the whole file. The IBAN is
 * personal data: it is only ever compared by keyed pseudonym and shown masked.
 */
@Component
final class BankStatementImport implements ImportKindHandler {

	private final BankStatements bank;

	BankStatementImport(BankStatements bank) {
		this.bank = bank;
	}

	@Override
	public ImportKind kind() {
		return ImportKind.BANK_STATEMENT;
	}

	@Override
	public Set<ImportField> requiredFields() {
		return EnumSet.of(ImportField.IBAN, ImportField.TRANSACTION_ID, ImportField.BOOKING_DATE, ImportField.AMOUNT, ImportField.CURRENCY);
	}

	@Override
	public Set<ImportField> optionalFields() {
		return EnumSet.of(ImportField.VALUE_DATE, ImportField.COUNTERPARTY, ImportField.LABEL);
	}

	@Override
	public Set<Role> roles() {
		return EnumSet.of(Role.ADMIN, Role.FINANCE);
	}

	@Override
	public Run begin(ImportContext context) {
		return new StatementRun(context, bank);
	}

	private record Transaction(int row, BankStatements.Account account, BankStatements.Line line) {

		BankStatements.TransactionRef ref() {
			return new BankStatements.TransactionRef(account.key(), line.externalId());
		}

	}

	private static final class StatementRun extends KeyedRecordsRun<Transaction> {

		private static final Set<ImportField> FREE_TEXT = Set.of(ImportField.LABEL);

		private final BankStatements bank;

		private BankStatements.@Nullable Accounts accounts;

		/** What the file stored per bank account (at most the tenant's bank accounts), announced once at the end. */
		private final Map<UUID, BankStatements.Ingested> ingested = new LinkedHashMap<>();

		StatementRun(ImportContext context, BankStatements bank) {
			super(context);
			this.bank = bank;
		}

		@Override
		Mono<Void> prepare(TenantTransaction tx) {
			if (accounts != null) {
				return Mono.empty();
			}
			return bank.accounts(tx).doOnNext(found -> accounts = found).then();
		}

		@Override
		String key(Transaction transaction) {
			return transaction.account().key() + "\u001f" + transaction.line().externalId();
		}

		@Override
		int rowNumber(Transaction transaction) {
			return transaction.row();
		}

		@Override
		BigDecimal amount(Transaction transaction) {
			return transaction.line().amount();
		}

		@Override
		ImportField keyField() {
			return ImportField.TRANSACTION_ID;
		}

		@Override
		String describe(Transaction transaction) {
			return "Transaction '" + transaction.line().externalId() + "' of this bank account";
		}

		@Override
		void reportStored(Transaction transaction, ImportReport report) {
			report.error(transaction.row(), context.column(ImportField.TRANSACTION_ID), ImportProblemCode.ALREADY_EXISTS,
					describe(transaction) + " is already stored (delivered by the bank aggregator or imported earlier)");
		}

		@Override
		Flux<String> alreadyImported(TenantTransaction tx, Collection<Transaction> transactions) {
			return bank.stored(tx, transactions.stream().map(Transaction::ref).toList())
				.map(ref -> ref.bankAccountKey() + "\u001f" + ref.externalId());
		}

		@Override
		Mono<Long> insert(TenantTransaction tx, List<Transaction> transactions) {
			Map<UUID, List<BankStatements.Line>> byAccount = new LinkedHashMap<>();
			transactions.forEach(transaction -> byAccount.computeIfAbsent(transaction.account().key(), key -> new ArrayList<>())
				.add(transaction.line()));
			return Flux.fromIterable(byAccount.entrySet())
				.concatMap(lines -> bank.ingest(tx, context.viewer(), lines.getKey(), lines.getValue(), context.importKey())
					.doOnNext(stored -> ingested.merge(lines.getKey(), stored, BankStatements.Ingested::plus)))
				.map(BankStatements.Ingested::stored)
				.reduce(0L, Long::sum)
				.flatMap(stored -> stored == transactions.size() ? Mono.just(stored) : Mono.error(storedMeanwhile(transactions.size() - stored)));
		}

		@Override
		public Mono<Long> endApply(TenantTransaction tx) {
			return Flux.fromIterable(ingested.entrySet())
				.concatMap(account -> bank.announce(tx, context.viewer(), account.getKey(), account.getValue(), context.importKey()))
				.then(Mono.just(0L));
		}

		/** Validation found none of them stored; the aggregator (or another import) stored some since. */
		private static ImportRefused storedMeanwhile(long count) {
			return new ImportRefused(List.of(new ImportProblem(null, null, ImportProblemCode.ALREADY_EXISTS, ImportProblem.Severity.ERROR,
					count + " transactions of the file were stored meanwhile by the bank aggregator or another import; import the file again "
							+ "to see which", null, null)));
		}

		@Override
		@Nullable Transaction parse(SourceRow row, ImportReport report) {
			BankStatements.Account account = account(row, report);
			String externalId = RowChecks.required(context, row, ImportField.TRANSACTION_ID, report);
			LocalDate bookingDate = RowChecks.date(context, row, ImportField.BOOKING_DATE, report);
			LocalDate valueDate = row.value(ImportField.VALUE_DATE) == null ? bookingDate
					: RowChecks.date(context, row, ImportField.VALUE_DATE, report);
			BigDecimal amount = RowChecks.amount(context, row, ImportField.AMOUNT, report);
			Currency currency = RowChecks.currency(context, row, report);
			if (account != null && currency != null && !account.currency().equals(currency)) {
				report.error(row.number(), context.column(ImportField.CURRENCY), ImportProblemCode.CURRENCY_MISMATCH,
						"The bank account is kept in " + account.currency().getCurrencyCode() + ", the row is in " + currency.getCurrencyCode());
				currency = null;
			}
			RowChecks.personalData(context, row, FREE_TEXT, report);
			if (account == null || externalId == null || bookingDate == null || valueDate == null || amount == null || currency == null) {
				return null;
			}
			BankStatements.Line line = new BankStatements.Line(externalId, bookingDate, valueDate, amount, currency,
					Objects.requireNonNullElse(row.value(ImportField.COUNTERPARTY), ""), Objects.requireNonNullElse(row.value(ImportField.LABEL), ""));
			List<BankStatements.Problem> problems = BankStatements.check(line);
			problems.forEach(problem -> report.error(row.number(), context.column(field(problem.field())),
					problem.field() == BankStatements.Field.AMOUNT ? ImportProblemCode.INVALID_AMOUNT : ImportProblemCode.INVALID_VALUE,
					problem.message()));
			return problems.isEmpty() ? new Transaction(row.number(), account, line) : null;
		}

		/** The row's bank account; its IBAN is never repeated in a message except masked. */
		private BankStatements.@Nullable Account account(SourceRow row, ImportReport report) {
			String text = RowChecks.required(context, row, ImportField.IBAN, report);
			if (text == null) {
				return null;
			}
			Iban iban = Iban.parse(text).orElse(null);
			if (iban == null) {
				report.error(row.number(), context.column(ImportField.IBAN), ImportProblemCode.INVALID_IBAN,
						"The value is not a valid IBAN (wrong shape or failed mod-97 check)");
				return null;
			}
			BankStatements.Account account = Objects.requireNonNull(accounts, "accounts are loaded before parsing").byIban(iban).orElse(null);
			if (account == null) {
				report.error(row.number(), context.column(ImportField.IBAN), ImportProblemCode.UNKNOWN_BANK_ACCOUNT,
						"No bank account of the tenant has the IBAN " + iban.masked());
			}
			return account;
		}

		private static ImportField field(BankStatements.Field field) {
			return switch (field) {
				case EXTERNAL_ID -> ImportField.TRANSACTION_ID;
				case AMOUNT -> ImportField.AMOUNT;
				case COUNTERPARTY -> ImportField.COUNTERPARTY;
				case LABEL -> ImportField.LABEL;
			};
		}

	}

}
