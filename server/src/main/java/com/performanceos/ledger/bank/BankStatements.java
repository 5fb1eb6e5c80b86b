package com.performanceos.ledger.bank;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.performanceos.platform.privacy.Iban;
import com.performanceos.platform.security.Viewer;
import com.performanceos.platform.tenancy.TenantTransaction;

/**
 * Bank transactions that arrive from outside the aggregator (statement files), stored through the
 * aggregator's own ingestion: the same bounds, label redaction, one copy per external id (shared
 * with webhook and polling deliveries), categorisation rules and journal postings. Everything runs
 * inside the caller's tenant transaction, so a caller applying a whole file commits or rolls back
 * all of it, and announces once per bank account with {@link #announce} rather than per call.
 */
@Component
public final class BankStatements {

	/** Longest external transaction id. */
	public static final int EXTERNAL_ID_LENGTH_MAX = AggregatorBatch.ID_LENGTH_MAX;

	/** Longest counterparty. */
	public static final int COUNTERPARTY_LENGTH_MAX = AggregatorBatch.COUNTERPARTY_LENGTH_MAX;

	/** Longest label. */
	public static final int LABEL_LENGTH_MAX = AggregatorBatch.LABEL_LENGTH_MAX;

	private final BankAccountService bankAccounts;

	private final TransactionIngestion ingestion;

	BankStatements(BankAccountService bankAccounts, TransactionIngestion ingestion) {
		this.bankAccounts = bankAccounts;
		this.ingestion = ingestion;
	}

	/** A bank account as a statement line needs it. */
	public record Account(UUID key, Currency currency) {
	}

	/** The tenant's bank accounts, found by IBAN without any IBAN being decrypted. */
	public static final class Accounts {

		private final Map<String, Account> byPseudonym;

		private final String tenant;

		private final BankAccountService bankAccounts;

		private Accounts(Map<String, Account> byPseudonym, String tenant, BankAccountService bankAccounts) {
			this.byPseudonym = Map.copyOf(byPseudonym);
			this.tenant = tenant;
			this.bankAccounts = bankAccounts;
		}

		public Optional<Account> byIban(Iban iban) {
			return Optional.ofNullable(byPseudonym.get(bankAccounts.ibanPseudonym(tenant, iban)));
		}

	}

	/** One statement line: a signed amount (positive in), in the bank account's currency. */
	public record Line(String externalId, LocalDate bookingDate, LocalDate valueDate, BigDecimal amount, Currency currency,
			String counterparty, String label) {
	}

	/** The part of a line a problem is about. */
	public enum Field {

		EXTERNAL_ID, AMOUNT, COUNTERPARTY, LABEL

	}

	/** Why a line cannot be stored; the message never repeats the value. */
	public record Problem(Field field, String message) {
	}

	/** A transaction by its bank account and external id, the key it is stored once under. */
	public record TransactionRef(UUID bankAccountKey, String externalId) {
	}

	/** What was stored on one bank account. */
	public record Ingested(int stored, int categorized, BigDecimal netChange) {

		public static final Ingested NONE = new Ingested(0, 0, BigDecimal.ZERO);

		public Ingested plus(Ingested other) {
			return new Ingested(stored + other.stored, categorized + other.categorized, netChange.add(other.netChange));
		}

	}

	/** The bounds an aggregator delivery is held to, for one line; empty when it can be stored. */
	public static List<Problem> check(Line line) {
		List<Problem> problems = new ArrayList<>();
		if (line.externalId().isBlank() || line.externalId().length() > EXTERNAL_ID_LENGTH_MAX) {
			problems.add(new Problem(Field.EXTERNAL_ID, "A transaction id has 1 to " + EXTERNAL_ID_LENGTH_MAX + " characters"));
		}
		String amountProblem = AggregatorBatch.amountProblem(line.amount());
		if (amountProblem != null) {
			problems.add(new Problem(Field.AMOUNT, "The amount " + amountProblem));
		}
		if (line.counterparty().length() > COUNTERPARTY_LENGTH_MAX) {
			problems.add(new Problem(Field.COUNTERPARTY, "A counterparty has at most " + COUNTERPARTY_LENGTH_MAX + " characters"));
		}
		if (line.label().length() > LABEL_LENGTH_MAX) {
			problems.add(new Problem(Field.LABEL, "A label has at most " + LABEL_LENGTH_MAX + " characters"));
		}
		return problems;
	}

	/** The tenant's bank accounts; must run inside its transaction. */
	public Mono<Accounts> accounts(TenantTransaction tx) {
		return bankAccounts.byIbanPseudonym(tx.db()).map(found -> new Accounts(found, tx.tenant(), bankAccounts));
	}

	/** The transactions among {@code candidates} already stored, from the aggregator or an earlier statement. */
	public Flux<TransactionRef> stored(TenantTransaction tx, Collection<TransactionRef> candidates) {
		return TransactionIngestion.existing(tx.db(), candidates);
	}

	/**
	 * Stores the lines of one bank account that were not stored before, categorises them and posts
	 * the matched ones with {@code batchId} as lineage; announces nothing. The lines must have
	 * passed {@link #check} and be in the account's currency.
	 */
	public Mono<Ingested> ingest(TenantTransaction tx, Viewer viewer, UUID bankAccountKey, List<Line> lines, UUID batchId) {
		List<AggregatorBatch.Incoming> incoming = lines.stream()
			.map(line -> AggregatorBatch.incoming(line.externalId(), line.bookingDate(), line.valueDate(), line.amount(), line.currency(),
					line.counterparty(), line.label()))
			.toList();
		return account(tx, bankAccountKey)
			.flatMap(account -> ingestion.store(tx, viewer, account, incoming, batchId))
			.map(TransactionIngestion.Stored::summary);
	}

	/**
	 * Audits what was stored on one bank account and publishes its one {@code cashPositionChanged}
	 * event, naming the batch (e.g. the import) that stored it.
	 */
	public Mono<Void> announce(TenantTransaction tx, Viewer viewer, UUID bankAccountKey, Ingested ingested, UUID batchId) {
		if (ingested.stored() == 0) {
			return Mono.empty();
		}
		return account(tx, bankAccountKey)
			.flatMap(account -> ingestion.announce(tx, viewer, account, ingested, Map.of("batchId", batchId.toString()), null));
	}

	private Mono<BankAccount> account(TenantTransaction tx, UUID bankAccountKey) {
		return bankAccounts.find(tx, List.of(bankAccountKey))
			.flatMap(found -> found.isEmpty()
					? Mono.error(new IllegalStateException("Bank account " + bankAccountKey + " is not in the tenant"))
					: Mono.just(found.get(0)));
	}

}
