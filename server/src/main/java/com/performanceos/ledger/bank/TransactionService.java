package com.performanceos.ledger.bank;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import com.performanceos.ledger.accounts.AccountDirectory;
import com.performanceos.ledger.journal.JournalPosting;
import com.performanceos.ledger.journal.JournalProblem;
import com.performanceos.platform.audit.AuditEntry;
import com.performanceos.platform.graphql.Connection;
import com.performanceos.platform.graphql.ErrorCode;
import com.performanceos.platform.graphql.GlobalId;
import com.performanceos.platform.graphql.GraphQlException;
import com.performanceos.platform.graphql.PageRequest;
import com.performanceos.platform.idempotency.IdempotencyKeys;
import com.performanceos.platform.mutations.Idempotency;
import com.performanceos.platform.mutations.Mutations;
import com.performanceos.platform.mutations.Outcome;
import com.performanceos.platform.security.Viewer;
import com.performanceos.platform.tenancy.TenantDatabase;
import com.performanceos.platform.tenancy.TenantTransaction;

/** Lists bank transactions and maps unmatched ones by hand. */
@Service
class TransactionService {

	static final String CATEGORIZE_OPERATION = "ledger.categorizeBankTransaction";

	private final TenantDatabase database;

	private final BankAccountService bankAccounts;

	private final Mutations mutations;

	private final JournalPosting journal;

	private final AccountDirectory accounts;

	TransactionService(TenantDatabase database, BankAccountService bankAccounts, Mutations mutations, JournalPosting journal,
			AccountDirectory accounts) {
		this.accounts = accounts;
		this.database = database;
		this.bankAccounts = bankAccounts;
		this.mutations = mutations;
		this.journal = journal;
	}

	/** The schema's {@code CategorizeBankTransactionInput}. */
	record CategorizeInput(String idempotencyKey, String transactionId, String accountId) {
	}

	/** The schema's {@code CategorizeBankTransactionPayload}. */
	record CategorizePayload(@Nullable BankTransaction transaction, List<BankError> userErrors) {

		static CategorizePayload failed(BankError error) {
			return new CategorizePayload(null, List.of(error));
		}

	}

	Mono<CategorizePayload> categorize(Viewer viewer, CategorizeInput input, @Nullable String sourceAddress) {
		Optional<String> keyProblem = IdempotencyKeys.problem(input.idempotencyKey());
		if (keyProblem.isPresent()) {
			return Mono.just(CategorizePayload.failed(BankError.invalid("idempotencyKey", keyProblem.get())));
		}
		Optional<UUID> transactionKey = GlobalId.decode(input.transactionId(), BankTransaction.TYPE_NAME);
		Optional<UUID> accountKey = GlobalId.decode(input.accountId(), "Account");
		if (transactionKey.isEmpty()) {
			return Mono.just(CategorizePayload.failed(notFound(input)));
		}
		if (accountKey.isEmpty()) {
			return Mono.just(CategorizePayload.failed(BankError.of(BankError.Code.UNKNOWN_ACCOUNT, "accountId", "Not an account id: " + input.accountId())));
		}
		return mutations.idempotent(viewer.tenant(), new Idempotency<>(CATEGORIZE_OPERATION, input.idempotencyKey(),
				input.transactionId() + '\u001f' + input.accountId(), () -> CategorizePayload.failed(BankError.conflict()),
				(tx, key) -> find(tx.db(), List.of(key)).map(found -> new CategorizePayload(found.get(0), List.of()))),
				tx -> categorizeFresh(tx, viewer, input, transactionKey.get(), accountKey.get(), sourceAddress));
	}

	private Mono<Outcome<CategorizePayload>> categorizeFresh(TenantTransaction tx, Viewer viewer, CategorizeInput input, UUID transactionKey,
			UUID accountKey, @Nullable String sourceAddress) {
		// FOR UPDATE: two concurrent categorisations of one transaction post it once; the second sees it categorised.
		Mono<Optional<BankTransaction>> transaction = tx.db().sql("SELECT " + BankTransaction.COLUMNS + " FROM ledger_bank_transaction WHERE id = :id FOR UPDATE")
			.bind("id", transactionKey).map(row -> Optional.of(BankTransaction.from(row))).first().defaultIfEmpty(Optional.empty());
		Mono<Optional<String>> accountCurrency = accounts.loadWithin(tx, List.of(accountKey))
			.map(found -> Optional.ofNullable(found.get(accountKey)).map(account -> account.currency().getCurrencyCode()));
		return transaction.zipWith(accountCurrency).flatMap(loaded -> {
			BankTransaction found = loaded.getT1().orElse(null);
			BankError error = null;
			if (found == null) {
				error = notFound(input);
			}
			else if (found.status() != BankTransaction.BankTransactionStatus.UNMATCHED) {
				error = BankError.of(BankError.Code.ALREADY_CATEGORIZED, "transactionId", "The transaction is already categorised");
			}
			else if (loaded.getT2().isEmpty()) {
				error = BankError.of(BankError.Code.UNKNOWN_ACCOUNT, "accountId", "No account with id " + input.accountId());
			}
			else if (!loaded.getT2().get().equals(found.currency().getCurrencyCode())) {
				error = BankError.of(BankError.Code.CURRENCY_MISMATCH, "accountId", "The account is kept in " + loaded.getT2().get()
						+ ", the transaction is in " + found.currency().getCurrencyCode());
			}
			if (error != null) {
				return Mono.just(Outcome.rejected(CategorizePayload.failed(error)));
			}
			AuditEntry audit = new AuditEntry(viewer.subject(), "ledger.bank_transaction.categorized", BankTransaction.TYPE_NAME,
					found.id(), sourceAddress, Map.of("status", "UNMATCHED"), Map.of("status", "CATEGORIZED", "accountId", input.accountId()));
			return post(tx, found, accountKey).flatMap(refused -> refused.isPresent()
					? Mono.just(Outcome.rejected(CategorizePayload.failed(refused.get())))
					: find(tx.db(), List.of(transactionKey))
						.map(updated -> Outcome.committed(new CategorizePayload(updated.get(0), List.of()), transactionKey, audit)));
		});
	}

	/** Posts the categorised transaction to the journal; answers the journal's refusal, if any. */
	private Mono<Optional<BankError>> post(TenantTransaction tx, BankTransaction transaction, UUID accountKey) {
		return bankAccounts.find(tx, List.of(transaction.bankAccountKey()))
			.flatMap(found -> journal.post(tx, List.of(TransactionIngestion.entry(transaction, found.get(0).ledgerAccountKey(),
					accountKey, "manual")), null))
			.flatMap(entryKeys -> tx.db().sql("UPDATE ledger_bank_transaction SET status = 'CATEGORIZED', ledger_account_id = :account, "
					+ "journal_entry_id = :entry WHERE id = :id")
				.bind("account", accountKey).bind("entry", entryKeys.get(0)).bind("id", transaction.key()).then())
			.thenReturn(Optional.<BankError>empty())
			.onErrorResume(JournalPosting.Rejected.class, rejected -> Mono.just(Optional.of(toError(rejected))));
	}

	private static BankError toError(JournalPosting.Rejected rejected) {
		JournalProblem problem = rejected.problems().get(0);
		BankError.Code code = switch (problem.code()) {
			case PERIOD_CLOSED -> BankError.Code.PERIOD_CLOSED;
			case UNKNOWN_ACCOUNT -> BankError.Code.UNKNOWN_ACCOUNT;
			case CURRENCY_MISMATCH -> BankError.Code.CURRENCY_MISMATCH;
			default -> BankError.Code.INVALID_INPUT;
		};
		return BankError.of(code, code == BankError.Code.PERIOD_CLOSED ? "transactionId" : "accountId", problem.message());
	}

	private static BankError notFound(CategorizeInput input) {
		return BankError.of(BankError.Code.TRANSACTION_NOT_FOUND, "transactionId", "No bank transaction with id " + input.transactionId());
	}

	Mono<Connection<BankTransaction>> list(Viewer viewer, PageRequest page, @Nullable String bankAccountId,
			BankTransaction.@Nullable BankTransactionStatus status) {
		Position cursor = page.cursorKey() == null ? null : Position.parse(page.cursorKey());
		UUID bankAccountKey = null;
		if (bankAccountId != null) {
			bankAccountKey = GlobalId.decode(bankAccountId, BankAccount.TYPE_NAME)
				.orElseThrow(() -> new GraphQlException(ErrorCode.BAD_USER_INPUT, "Not a bank account id: " + bankAccountId));
		}
		StringBuilder filter = new StringBuilder(" WHERE true");
		if (bankAccountKey != null) {
			filter.append(" AND bank_account_id = :bankAccount");
		}
		if (status != null) {
			filter.append(" AND status = :status");
		}
		String where = filter.toString();
		String keyset = cursor == null ? "" : " AND (booking_date, ingest_seq) " + (page.forward() ? ">" : "<") + " (:date, :seq)";
		String order = page.forward() ? "ASC" : "DESC";
		UUID account = bankAccountKey;
		return database.inTransaction(viewer.tenant(), db -> {
			var select = db.sql("SELECT " + BankTransaction.COLUMNS + " FROM ledger_bank_transaction" + where + keyset
					+ " ORDER BY booking_date " + order + ", ingest_seq " + order + " LIMIT :limit").bind("limit", page.size() + 1);
			var count = db.sql("SELECT count(*) AS total FROM ledger_bank_transaction" + where);
			if (account != null) {
				select = select.bind("bankAccount", account);
				count = count.bind("bankAccount", account);
			}
			if (status != null) {
				select = select.bind("status", status.name());
				count = count.bind("status", status.name());
			}
			if (cursor != null) {
				select = select.bind("date", cursor.bookingDate()).bind("seq", cursor.ingestSeq());
			}
			return select.map(BankTransaction::from).all().collectList()
				.zipWith(count.map(row -> row.get("total", Long.class)).one(),
						(found, total) -> Connection.fromKeyset(page, found, Position::of, total.intValue()));
		});
	}

	Mono<Map<UUID, BankTransaction>> load(Viewer viewer, Collection<UUID> keys) {
		return database.inTransaction(viewer.tenant(), db -> find(db, keys))
			.map(found -> found.stream().collect(Collectors.toMap(BankTransaction::key, Function.identity())));
	}

	private static Mono<List<BankTransaction>> find(DatabaseClient db, Collection<UUID> keys) {
		return db.sql("SELECT " + BankTransaction.COLUMNS + " FROM ledger_bank_transaction WHERE id = ANY(:keys)")
			.bind("keys", keys.toArray(UUID[]::new)).map(BankTransaction::from).all().collectList();
	}

	/** The keyset position of a transaction: booking date, then arrival. */
	private record Position(LocalDate bookingDate, long ingestSeq) {

		static String of(BankTransaction transaction) {
			return transaction.bookingDate() + "|" + transaction.ingestSeq();
		}

		static Position parse(String key) {
			String[] parts = key.split("\\|", -1);
			try {
				if (parts.length == 2) {
					return new Position(LocalDate.parse(parts[0]), Long.parseLong(parts[1]));
				}
			}
			catch (RuntimeException ex) {
				// Falls through to the error below.
			}
			throw new GraphQlException(ErrorCode.BAD_USER_INPUT, "Not a bank transaction cursor");
		}

	}

}
