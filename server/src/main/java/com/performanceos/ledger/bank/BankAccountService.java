package com.performanceos.ledger.bank;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import com.performanceos.ledger.accounts.AccountDirectory;
import com.performanceos.platform.audit.AuditEntry;
import com.performanceos.platform.graphql.Connection;
import com.performanceos.platform.graphql.ErrorCode;
import com.performanceos.platform.graphql.GlobalId;
import com.performanceos.platform.graphql.GraphQlException;
import com.performanceos.platform.graphql.PageRequest;
import com.performanceos.platform.mutations.Idempotency;
import com.performanceos.platform.mutations.Mutations;
import com.performanceos.platform.mutations.Outcome;
import com.performanceos.platform.privacy.FieldCipher;
import com.performanceos.platform.privacy.Iban;
import com.performanceos.platform.privacy.PersonalDataHasher;
import com.performanceos.platform.security.Viewer;
import com.performanceos.platform.tenancy.TenantDatabase;
import com.performanceos.platform.tenancy.TenantTransaction;

/**
 * Bank accounts of the caller's tenant. IBANs are encrypted with the tenant bound (so a ciphertext
 * copied to another tenant's row does not decrypt) and are unique per tenant through their keyed
 * pseudonym; the clear value exists only in memory.
 */
@Service
class BankAccountService {

	/** Most bank accounts of one tenant: bounds cash positions and the polling round. */
	static final int BANK_ACCOUNTS_MAX = 500;

	private static final String COLUMNS = "id, name, bank_name, entity, currency, iban_encrypted, ledger_account_id, "
			+ "opening_balance, opening_date, external_id, created_at";

	private final TenantDatabase database;

	private final Mutations mutations;

	private final FieldCipher cipher;

	private final PersonalDataHasher hasher;

	private final AccountDirectory accounts;

	BankAccountService(TenantDatabase database, Mutations mutations, FieldCipher cipher, PersonalDataHasher hasher, AccountDirectory accounts) {
		this.accounts = accounts;
		this.database = database;
		this.mutations = mutations;
		this.cipher = cipher;
		this.hasher = hasher;
	}

	Mono<CreateBankAccount.Payload> create(Viewer viewer, CreateBankAccount.Input input, @Nullable String sourceAddress) {
		return Mutations.unlessInvalid(input.validate(), CreateBankAccount.Payload::failed, () -> {
			Iban iban = java.util.Objects.requireNonNull(input.parsedIban());
			String ibanHash = ibanPseudonym(viewer.tenant(), iban);
			return mutations.idempotent(viewer.tenant(), new Idempotency<>(CreateBankAccount.OPERATION, input.idempotencyKey(),
					input.fingerprint(ibanHash), () -> CreateBankAccount.Payload.failed(BankError.conflict()),
					(tx, key) -> find(tx, List.of(key)).map(found -> CreateBankAccount.Payload.created(found.get(0)))),
					tx -> checkAndInsert(tx, viewer, input, iban, ibanHash, sourceAddress))
				// A concurrent creation with the same IBAN or aggregator id: this transaction rolled back whole.
				.onErrorResume(DuplicateKeyException.class, ex -> Mono.just(CreateBankAccount.Payload.failed(
						BankError.of(BankError.Code.DUPLICATE_IBAN, "iban", "A bank account with this IBAN or aggregator id already exists"))));
		});
	}

	private Mono<Outcome<CreateBankAccount.Payload>> checkAndInsert(TenantTransaction tx, Viewer viewer, CreateBankAccount.Input input,
			Iban iban, String ibanHash, @Nullable String sourceAddress) {
		UUID ledgerAccountKey = GlobalId.decode(input.ledgerAccountId(), "Account").orElseThrow();
		Mono<Optional<String>> accountCurrency = accounts.loadWithin(tx, List.of(ledgerAccountKey))
			.map(found -> Optional.ofNullable(found.get(ledgerAccountKey)).map(account -> account.currency().getCurrencyCode()));
		Mono<Long> count = tx.db().sql("SELECT count(*) AS total FROM ledger_bank_account").map(row -> row.get("total", Long.class)).one();
		Mono<Boolean> duplicateIban = tx.db().sql("SELECT 1 FROM ledger_bank_account WHERE iban_hash = :hash")
			.bind("hash", ibanHash).map(row -> true).first().defaultIfEmpty(false);
		Mono<Boolean> externalTaken = input.externalId() == null ? Mono.just(false)
				// The tenant's own ids only: whether another tenant registered the same id is not this tenant's business
				// (it would tell the id exists elsewhere), and it does not stop this one (routes are per tenant).
				: tx.db().sql("SELECT 1 FROM ledger_bank_aggregator_route WHERE tenant_id = :tenant AND external_id = :external")
					.bind("tenant", viewer.tenant()).bind("external", input.externalId()).map(row -> true).first().defaultIfEmpty(false);
		return Mono.zip(accountCurrency, count, duplicateIban, externalTaken).flatMap(checks -> {
			BankError error = null;
			if (checks.getT1().isEmpty()) {
				error = BankError.of(BankError.Code.UNKNOWN_ACCOUNT, "ledgerAccountId", "No account with id " + input.ledgerAccountId());
			}
			else if (!checks.getT1().get().equals(input.currency().getCurrencyCode())) {
				error = BankError.of(BankError.Code.CURRENCY_MISMATCH, "ledgerAccountId",
						"The pivot account is kept in " + checks.getT1().get() + ", the bank account in " + input.currency().getCurrencyCode());
			}
			else if (checks.getT2() >= BANK_ACCOUNTS_MAX) {
				error = BankError.of(BankError.Code.LIMIT_REACHED, "idempotencyKey", "A tenant holds at most " + BANK_ACCOUNTS_MAX + " bank accounts");
			}
			else if (checks.getT3()) {
				error = BankError.of(BankError.Code.DUPLICATE_IBAN, "iban", "A bank account with this IBAN already exists");
			}
			else if (checks.getT4()) {
				error = BankError.of(BankError.Code.EXTERNAL_ID_TAKEN, "externalId", "This aggregator account id is already connected to another bank account of the tenant");
			}
			if (error != null) {
				return Mono.just(Outcome.rejected(CreateBankAccount.Payload.failed(error)));
			}
			return insert(tx, viewer, input, iban, ibanHash, ledgerAccountKey, sourceAddress);
		});
	}

	private Mono<Outcome<CreateBankAccount.Payload>> insert(TenantTransaction tx, Viewer viewer, CreateBankAccount.Input input, Iban iban,
			String ibanHash, UUID ledgerAccountKey, @Nullable String sourceAddress) {
		UUID key = UUID.randomUUID();
		var insert = tx.db().sql("INSERT INTO ledger_bank_account (tenant_id, id, name, bank_name, entity, currency, iban_encrypted, "
				+ "iban_hash, ledger_account_id, opening_balance, opening_date, external_id) VALUES (:tenant, :id, :name, :bankName, "
				+ ":entity, :currency, :ibanEncrypted, :ibanHash, :ledgerAccount, :opening, :openingDate, :external)")
			.bind("tenant", viewer.tenant())
			.bind("id", key)
			.bind("name", input.name().strip())
			.bind("bankName", input.bankName().strip())
			.bind("entity", input.entity())
			.bind("currency", input.currency().getCurrencyCode())
			.bind("ibanEncrypted", cipher.encrypt(viewer.tenant(), iban.value()))
			.bind("ibanHash", ibanHash)
			.bind("ledgerAccount", ledgerAccountKey)
			.bind("opening", input.openingBalance())
			.bind("openingDate", input.openingDate());
		insert = input.externalId() == null ? insert.bindNull("external", String.class) : insert.bind("external", input.externalId());
		Mono<Void> route = input.externalId() == null ? Mono.empty()
				: tx.db().sql("INSERT INTO ledger_bank_aggregator_route (external_id, tenant_id, bank_account_id) VALUES (:external, :tenant, :id)")
					.bind("external", input.externalId()).bind("tenant", viewer.tenant()).bind("id", key).then();
		return insert.then()
			.then(route)
			.then(find(tx, List.of(key)))
			.map(found -> found.get(0))
			.map(account -> Outcome.committed(CreateBankAccount.Payload.created(account), key, new AuditEntry(viewer.subject(),
					"ledger.bank_account.created", BankAccount.TYPE_NAME, account.id(), sourceAddress, null, image(account))));
	}

	/** The audit image: the IBAN only masked, so the audit log never holds it in clear. */
	private static Map<String, Object> image(BankAccount account) {
		return Map.of("id", account.id(), "name", account.name(), "bankName", account.bankName(), "entity", account.entity(),
				"currency", account.currency().getCurrencyCode(), "iban", account.clearIban().masked(), "openingBalance",
				account.openingAmount().toPlainString(), "openingDate", account.openingDate().toString(), "externalId",
				account.externalId() == null ? "" : account.externalId());
	}

	Mono<Connection<BankAccount>> list(Viewer viewer, PageRequest page) {
		Cursor cursor = page.cursorKey() == null ? null : Cursor.parse(page.cursorKey());
		String comparison = page.forward() ? ">" : "<";
		String order = page.forward() ? "ASC" : "DESC";
		String where = cursor != null ? " WHERE (name, id) " + comparison + " (:cursorName, :cursorId)" : "";
		return database.inTransaction(viewer.tenant(), db -> {
			var select = db.sql("SELECT " + COLUMNS + " FROM ledger_bank_account" + where + " ORDER BY name " + order + ", id " + order
					+ " LIMIT :limit").bind("limit", page.size() + 1);
			if (cursor != null) {
				select = select.bind("cursorName", cursor.name()).bind("cursorId", cursor.id());
			}
			Mono<List<BankAccount>> rows = select.map(row -> toAccount(viewer.tenant(), row)).all().collectList();
			Mono<Long> total = db.sql("SELECT count(*) AS total FROM ledger_bank_account").map(row -> row.get("total", Long.class)).one();
			return rows.zipWith(total, (found, count) -> Connection.fromKeyset(page, found,
					account -> account.name() + Cursor.SEPARATOR + account.key(), count.intValue()));
		});
	}

	Mono<Map<UUID, BankAccount>> load(Viewer viewer, Collection<UUID> keys) {
		return database.run(viewer.tenant(), tx -> find(tx, keys))
			.map(found -> found.stream().collect(Collectors.toMap(BankAccount::key, Function.identity())));
	}

	/** The keyed pseudonym an IBAN is stored and looked up under in the tenant. */
	String ibanPseudonym(String tenant, Iban iban) {
		return hasher.pseudonym(tenant, iban.value());
	}

	/**
	 * Every bank account of the tenant by IBAN pseudonym, without decrypting any IBAN (bounded by
	 * {@link #BANK_ACCOUNTS_MAX}). Must run inside the tenant's transaction.
	 */
	Mono<Map<String, BankStatements.Account>> byIbanPseudonym(DatabaseClient db) {
		return db.sql("SELECT id, currency, iban_hash FROM ledger_bank_account ORDER BY id LIMIT " + BANK_ACCOUNTS_MAX)
			.map(row -> Map.entry(row.get("iban_hash", String.class),
					new BankStatements.Account(row.get("id", UUID.class), Currency.getInstance(row.get("currency", String.class)))))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
	}

	/** Must run inside the tenant's transaction. */
	Mono<List<BankAccount>> find(TenantTransaction tx, Collection<UUID> keys) {
		return tx.db().sql("SELECT " + COLUMNS + " FROM ledger_bank_account WHERE id = ANY(:keys)")
			.bind("keys", keys.toArray(UUID[]::new))
			.map(row -> toAccount(tx.tenant(), row))
			.all()
			.collectList();
	}

	private BankAccount toAccount(String tenant, Readable row) {
		return new BankAccount(row.get("id", UUID.class), row.get("name", String.class), row.get("bank_name", String.class),
				row.get("entity", String.class), Currency.getInstance(row.get("currency", String.class)),
				new Iban(cipher.decrypt(tenant, row.get("iban_encrypted", String.class))), row.get("ledger_account_id", UUID.class),
				row.get("opening_balance", BigDecimal.class), row.get("opening_date", LocalDate.class), row.get("external_id", String.class),
				row.get("created_at", OffsetDateTime.class).toInstant());
	}

	/** The keyset position of a bank account page: its name, then its key. */
	private record Cursor(String name, UUID id) {

		static final char SEPARATOR = '|';

		static Cursor parse(String key) {
			int separator = key.lastIndexOf(SEPARATOR);
			try {
				if (separator > 0) {
					return new Cursor(key.substring(0, separator), UUID.fromString(key.substring(separator + 1)));
				}
			}
			catch (IllegalArgumentException ex) {
				// Falls through to the error below.
			}
			throw new GraphQlException(ErrorCode.BAD_USER_INPUT, "Not a bank account cursor");
		}

	}

}
