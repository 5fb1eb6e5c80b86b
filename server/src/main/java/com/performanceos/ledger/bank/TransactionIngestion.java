package com.performanceos.ledger.bank;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.performanceos.ledger.journal.EntrySide;
import com.performanceos.ledger.journal.JournalDraft;
import com.performanceos.ledger.journal.JournalPosting;
import com.performanceos.platform.audit.AuditEntry;
import com.performanceos.platform.audit.AuditTrail;
import com.performanceos.platform.events.Outbox;
import com.performanceos.platform.graphql.Money;
import com.performanceos.platform.security.Role;
import com.performanceos.platform.security.Viewer;
import com.performanceos.platform.tenancy.TenantDatabase;
import com.performanceos.platform.tenancy.TenantTransaction;

/**
 * Stores a batch of aggregator transactions once per aggregator id, categorises the new ones by the
 * tenant's rules and posts the matched ones to the journal, all in one tenant transaction with the
 * audit record and the {@code cashPositionChanged} event. A transaction the journal refuses (its
 * booking date is in a closed period) stays in the unmatched queue rather than blocking the batch.
 */
@Service
class TransactionIngestion {

	private final TenantDatabase database;

	private final BankAccountService bankAccounts;

	private final JournalPosting journal;

	private final AuditTrail auditTrail;

	private final Outbox outbox;

	private final RuleService rules;

	TransactionIngestion(TenantDatabase database, BankAccountService bankAccounts, JournalPosting journal, AuditTrail auditTrail,
			Outbox outbox, RuleService rules) {
		this.rules = rules;
		this.database = database;
		this.bankAccounts = bankAccounts;
		this.journal = journal;
		this.auditTrail = auditTrail;
		this.outbox = outbox;
	}

	/** What one batch did. */
	record Result(int received, int stored, int categorized, int unmatched) {
	}

	/** A route from an aggregator account id to a tenant's bank account. */
	record Route(String externalId, String tenant, UUID bankAccountKey) {
	}

	/**
	 * The route of a tenant's aggregator account id. Ids are unique per tenant only: the same id registered by two
	 * tenants is two routes, and a delivery reaches the one of the tenant it names.
	 */
	Mono<Optional<Route>> route(String tenant, String externalId) {
		return database.inTransaction(tenant, db -> db.sql("SELECT tenant_id, bank_account_id FROM ledger_bank_aggregator_route "
				+ "WHERE tenant_id = :tenant AND external_id = :id")
			.bind("tenant", tenant)
			.bind("id", externalId)
			.map(row -> Optional.of(new Route(externalId, row.get("tenant_id", String.class), row.get("bank_account_id", UUID.class))))
			.first()
			.defaultIfEmpty(Optional.empty()));
	}

	/** Every route, for the polling fallback (bounded by the number of bank accounts of all tenants). */
	Mono<List<Route>> routes(int limit) {
		// Across tenants: the route table's read policy is open for this (a route holds no personal data).
		return database.inTransaction("", db -> db.sql("SELECT external_id, tenant_id, bank_account_id FROM ledger_bank_aggregator_route "
				+ "ORDER BY tenant_id, external_id LIMIT :limit")
			.bind("limit", limit)
			.map(row -> new Route(row.get("external_id", String.class), row.get("tenant_id", String.class), row.get("bank_account_id", UUID.class)))
			.all()
			.collectList());
	}

	Mono<Result> ingest(Route route, List<AggregatorBatch.Incoming> incoming, String actor, @Nullable String sourceAddress) {
		Viewer poster = new Viewer(actor, route.tenant(), EnumSet.of(Role.FINANCE));
		return database.run(route.tenant(), tx -> bankAccounts.find(tx, List.of(route.bankAccountKey()))
			.flatMap(found -> {
				BankAccount account = found.get(0);
				return store(tx, poster, account, incoming, null).flatMap(stored -> stored.transactions().isEmpty()
						? Mono.just(new Result(incoming.size(), 0, 0, 0))
						: announce(tx, poster, account, stored.summary(), Map.of("externalIds",
								stored.transactions().stream().map(BankTransaction::externalId).toList()), sourceAddress)
							.thenReturn(new Result(incoming.size(), stored.transactions().size(), stored.categorized(),
									stored.transactions().size() - stored.categorized())));
			}));
	}

	/** The transactions one call stored (those not stored before) and how many a rule categorised. */
	record Stored(List<BankTransaction> transactions, int categorized) {

		BankStatements.Ingested summary() {
			return new BankStatements.Ingested(transactions.size(), categorized,
					transactions.stream().map(BankTransaction::signedAmount).reduce(BigDecimal.ZERO, BigDecimal::add));
		}

	}

	/**
	 * Stores the transactions not stored before on the account, categorises them by the tenant's
	 * rules and posts the matched ones (tagged with {@code batchId}), inside the caller's tenant
	 * transaction; announcing is left to the caller, once for all it stores.
	 */
	Mono<Stored> store(TenantTransaction tx, Viewer poster, BankAccount account, List<AggregatorBatch.Incoming> incoming,
			@Nullable UUID batchId) {
		for (AggregatorBatch.Incoming transaction : incoming) {
			if (!transaction.currency().equals(account.currency())) {
				return Mono.error(new AggregatorBatch.Invalid("Transaction " + transaction.id() + " is in "
						+ transaction.currency().getCurrencyCode() + ", the bank account in " + account.currency().getCurrencyCode()));
			}
		}
		return insert(tx, account.key(), incoming).flatMap(stored -> stored.isEmpty()
				? Mono.just(new Stored(List.of(), 0))
				: categorize(tx, poster, account, stored, batchId).map(categorized -> new Stored(stored, categorized)));
	}

	/** The transactions among {@code candidates} already stored, whatever brought them (aggregator or import). */
	static Flux<BankStatements.TransactionRef> existing(DatabaseClient db, Collection<BankStatements.TransactionRef> candidates) {
		if (candidates.isEmpty()) {
			return Flux.empty();
		}
		return db.sql("""
				SELECT t.bank_account_id, t.external_id FROM ledger_bank_transaction t
				JOIN unnest(CAST(:accounts AS uuid[]), CAST(:externalIds AS text[])) AS c(bank_account_id, external_id)
				  ON c.bank_account_id = t.bank_account_id AND c.external_id = t.external_id""")
			.bind("accounts", candidates.stream().map(BankStatements.TransactionRef::bankAccountKey).toArray(UUID[]::new))
			.bind("externalIds", candidates.stream().map(BankStatements.TransactionRef::externalId).toArray(String[]::new))
			.map(row -> new BankStatements.TransactionRef(row.get("bank_account_id", UUID.class), row.get("external_id", String.class)))
			.all();
	}

	/** Inserts the batch set-wise; only the transactions not stored before come back. */
	private static Mono<List<BankTransaction>> insert(TenantTransaction tx, UUID bankAccountKey,
			List<AggregatorBatch.Incoming> incoming) {
		if (incoming.isEmpty()) {
			return Mono.just(List.of());
		}
		return tx.db().sql("""
				INSERT INTO ledger_bank_transaction (tenant_id, id, bank_account_id, external_id, booking_date, value_date, amount,
				                                     currency, counterparty, label, status)
				SELECT :tenant, t.id, :account, t.external_id, t.booking_date, t.value_date, t.amount, t.currency, t.counterparty, t.label,
				       'UNMATCHED'
				FROM unnest(CAST(:ids AS uuid[]), CAST(:externalIds AS text[]), CAST(CAST(:bookingDates AS text[]) AS date[]),
				            CAST(CAST(:valueDates AS text[]) AS date[]), CAST(CAST(:amounts AS text[]) AS numeric[]),
				            CAST(:currencies AS text[]), CAST(:counterparties AS text[]), CAST(:labels AS text[]))
				     AS t(id, external_id, booking_date, value_date, amount, currency, counterparty, label)
				ON CONFLICT (tenant_id, bank_account_id, external_id) DO NOTHING
				RETURNING """ + " " + BankTransaction.COLUMNS)
			.bind("tenant", tx.tenant())
			.bind("account", bankAccountKey)
			.bind("ids", incoming.stream().map(any -> UUID.randomUUID()).toArray(UUID[]::new))
			.bind("externalIds", incoming.stream().map(AggregatorBatch.Incoming::id).toArray(String[]::new))
			.bind("bookingDates", incoming.stream().map(t -> t.bookingDate().toString()).toArray(String[]::new))
			.bind("valueDates", incoming.stream().map(t -> t.valueDate().toString()).toArray(String[]::new))
			.bind("amounts", incoming.stream().map(t -> t.amount().toPlainString()).toArray(String[]::new))
			.bind("currencies", incoming.stream().map(t -> t.currency().getCurrencyCode()).toArray(String[]::new))
			.bind("counterparties", incoming.stream().map(AggregatorBatch.Incoming::counterparty).toArray(String[]::new))
			.bind("labels", incoming.stream().map(AggregatorBatch.Incoming::label).toArray(String[]::new))
			.map(BankTransaction::from)
			.all()
			.collectList();
	}

	/** Matches the new transactions against the rules, posts the matched ones and returns how many were. */
	private Mono<Integer> categorize(TenantTransaction tx, Viewer poster, BankAccount account, List<BankTransaction> stored,
			@Nullable UUID batchId) {
		return rules.inMatchingOrder(tx).flatMap(ordered -> {
			List<Match> matches = new ArrayList<>();
			for (BankTransaction transaction : stored) {
				ordered.stream()
					.filter(rule -> rule.matches(transaction.counterparty(), transaction.label(), transaction.currency()))
					.findFirst()
					.ifPresent(rule -> matches.add(new Match(transaction, rule.key(), rule.accountKey())));
			}
			return post(tx, poster, account, matches, batchId, true);
		});
	}

	/**
	 * Posts the matches; when the journal refuses some (a closed period), posts the others and leaves
	 * the refused ones unmatched. Nothing was written by a refused post (the journal checks before it
	 * writes), so the transaction stays usable.
	 */
	private Mono<Integer> post(TenantTransaction tx, Viewer poster, BankAccount account, List<Match> matches, @Nullable UUID batchId,
			boolean retryWithout) {
		if (matches.isEmpty()) {
			return Mono.just(0);
		}
		List<JournalDraft> entries = matches.stream()
			.map(match -> entry(match.transaction(), account.ledgerAccountKey(), match.accountKey(), "rule"))
			.toList();
		return journal.post(tx, entries, batchId)
			.flatMap(entryKeys -> markCategorized(tx.db(), matches, entryKeys).thenReturn(matches.size()))
			.onErrorResume(JournalPosting.Rejected.class, rejected -> {
				if (!retryWithout) {
					return Mono.just(0);
				}
				Set<Integer> refused = new HashSet<>();
				rejected.problems().forEach(problem -> refused.add(problem.entryIndex()));
				List<Match> accepted = new ArrayList<>();
				for (int index = 0; index < matches.size(); index++) {
					if (!refused.contains(index)) {
						accepted.add(matches.get(index));
					}
				}
				return post(tx, poster, account, accepted, batchId, false);
			});
	}

	private static Mono<Void> markCategorized(DatabaseClient db, List<Match> matches, List<UUID> entryKeys) {
		return db.sql("""
				UPDATE ledger_bank_transaction t
				SET status = 'CATEGORIZED', rule_id = u.rule_id, ledger_account_id = u.account_id, journal_entry_id = u.entry_id
				FROM unnest(CAST(:ids AS uuid[]), CAST(:rules AS uuid[]), CAST(:accounts AS uuid[]), CAST(:entries AS uuid[]))
				     AS u(id, rule_id, account_id, entry_id)
				WHERE t.id = u.id""")
			.bind("ids", matches.stream().map(match -> match.transaction().key()).toArray(UUID[]::new))
			.bind("rules", matches.stream().map(Match::ruleKey).toArray(UUID[]::new))
			.bind("accounts", matches.stream().map(Match::accountKey).toArray(UUID[]::new))
			.bind("entries", entryKeys.toArray(UUID[]::new))
			.then();
	}

	/**
	 * The journal entry of a bank transaction: money in debits the bank's pivot account and credits
	 * the counterpart; money out the reverse.
	 */
	static JournalDraft entry(BankTransaction transaction, UUID bankLedgerAccount, UUID counterpartAccount, String how) {
		Money amount = new Money(transaction.signedAmount().abs(), transaction.currency());
		boolean inflow = transaction.signedAmount().signum() > 0;
		String description = truncate("Bank " + (inflow ? "receipt" : "payment") + " (" + how + "): "
				+ (transaction.label().isEmpty() ? transaction.counterparty() : transaction.label()), JournalDraft.DESCRIPTION_LENGTH_MAX);
		return new JournalDraft(transaction.bookingDate(), description, truncate(transaction.externalId(), JournalDraft.REFERENCE_LENGTH_MAX),
				List.of(new JournalDraft.Line(bankLedgerAccount, inflow ? EntrySide.DEBIT : EntrySide.CREDIT, amount, null),
						new JournalDraft.Line(counterpartAccount, inflow ? EntrySide.CREDIT : EntrySide.DEBIT, amount,
								transaction.counterparty().isEmpty() ? null : truncate(transaction.counterparty(), JournalDraft.MEMO_LENGTH_MAX))));
	}

	/**
	 * Records what was stored on one bank account in the audit log and publishes one
	 * {@code cashPositionChanged} event for it; {@code detail} adds to the audit image (which
	 * delivery or import it was).
	 */
	Mono<Void> announce(TenantTransaction tx, Viewer poster, BankAccount account, BankStatements.Ingested summary,
			Map<String, Object> detail, @Nullable String sourceAddress) {
		CashPositionChanged changed = new CashPositionChanged(account.key(), summary.stored(), summary.netChange().toPlainString(),
				account.currency().getCurrencyCode());
		Map<String, Object> image = new LinkedHashMap<>();
		image.put("stored", summary.stored());
		image.put("categorized", summary.categorized());
		image.put("unmatched", summary.stored() - summary.categorized());
		image.putAll(detail);
		return auditTrail.record(tx, new AuditEntry(poster.subject(), "ledger.bank_transactions.ingested",
				BankAccount.TYPE_NAME, account.id(), sourceAddress, null, image))
			.then(outbox.publish(tx, Instant.now(), changed));
	}

	private static String truncate(String text, int lengthMax) {
		return text.length() <= lengthMax ? text : text.substring(0, lengthMax);
	}

	private record Match(BankTransaction transaction, UUID ruleKey, UUID accountKey) {
	}

}
