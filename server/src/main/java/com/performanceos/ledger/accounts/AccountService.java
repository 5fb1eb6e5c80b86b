package com.performanceos.ledger.accounts;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import com.performanceos.platform.audit.AuditEntry;
import com.performanceos.platform.events.Outbox;
import com.performanceos.platform.graphql.Connection;
import com.performanceos.platform.graphql.PageRequest;
import com.performanceos.platform.mutations.Idempotency;
import com.performanceos.platform.mutations.Mutations;
import com.performanceos.platform.mutations.Outcome;
import com.performanceos.platform.security.Viewer;
import com.performanceos.platform.tenancy.TenantDatabase;
import com.performanceos.platform.tenancy.TenantTransaction;

/** Reads and extends the chart of accounts of the caller's tenant. */
@Service
class AccountService {

	private static final String COLUMNS = "id, code, name, type, currency, created_at";

	/** The name of the account cache's metrics ({@code cache.gets}, {@code cache.size}, ...). */
	static final String CACHE_NAME = "ledger.accounts";

	/** Accounts kept in memory across all tenants: a few tens of megabytes at most. */
	private static final int CACHED_ACCOUNTS = 100_000;

	private final TenantDatabase database;

	private final Mutations mutations;

	private final Outbox outbox;

	/** Accounts already read, by tenant and key; about 200 bytes each. */
	private final Cache<TenantKey, Account> cache;

	AccountService(TenantDatabase database, Mutations mutations, Outbox outbox,
			MeterRegistry meters) {
		this.cache = Caffeine.newBuilder().maximumSize(CACHED_ACCOUNTS).recordStats().build();
		CaffeineCacheMetrics.monitor(meters, this.cache, CACHE_NAME);
		this.database = database;
		this.mutations = mutations;
		this.outbox = outbox;
	}

	Mono<CreateAccount.Payload> create(Viewer viewer, CreateAccount.Input input, @Nullable String sourceAddress) {
		List<CreateAccount.Error> invalid = input.validate();
		if (!invalid.isEmpty()) {
			return Mono.just(CreateAccount.Payload.failed(invalid));
		}
		return mutations.idempotent(viewer.tenant(), new Idempotency<>(CreateAccount.OPERATION, input.idempotencyKey(),
				input.fingerprint(), CreateAccount.Payload::conflict,
				(tx, key) -> find(tx.db(), key).map(CreateAccount.Payload::created)),
				tx -> insert(tx, viewer, input, sourceAddress))
			// Two concurrent creations of one code: the loser's transaction has rolled back whole.
			.onErrorResume(DuplicateKeyException.class, ex -> Mono.just(duplicateCode(input)));
	}

	private Mono<Outcome<CreateAccount.Payload>> insert(TenantTransaction tx, Viewer viewer, CreateAccount.Input input,
			@Nullable String sourceAddress) {
		return tx.db().sql("SELECT 1 FROM ledger_account WHERE code = :code")
			.bind("code", input.code())
			.map(row -> Outcome.rejected(duplicateCode(input)))
			.first()
			.switchIfEmpty(Mono.defer(() -> tx.db().sql("INSERT INTO ledger_account (tenant_id, id, code, name, type, currency) "
					+ "VALUES (:tenant, :id, :code, :name, :type, :currency) RETURNING " + COLUMNS)
				.bind("tenant", tx.tenant())
				.bind("id", UUID.randomUUID())
				.bind("code", input.code())
				.bind("name", input.name().strip())
				.bind("type", input.type().name())
				.bind("currency", input.currency().getCurrencyCode())
				.map(AccountService::toAccount)
				.one()
				.flatMap(account -> outbox.publish(tx, account.createdAt(), AccountCreated.of(account))
					.thenReturn(Outcome.committed(CreateAccount.Payload.created(account), account.key(),
							new AuditEntry(viewer.subject(), "ledger.account.created", Account.TYPE_NAME, account.id(), sourceAddress,
									null, Map.of("id", account.id(), "code", account.code(), "name", account.name(), "type",
											account.type().name(), "currency", account.currency().getCurrencyCode())))))));
	}

	/** One page in code order; {@code counted}: whether {@code totalCount} is wanted. */
	Mono<Connection<Account>> list(Viewer viewer, PageRequest page, boolean counted) {
		return database.run(viewer.tenant(), tx -> page(tx, page, counted)
			.map(found -> Connection.fromKeyset(page, found.accounts(), Account::code, found.totalCount())));
	}

	/**
	 * A keyset page of the tenant's accounts in code order (one more than the page, to tell whether
	 * more follow), with their number when {@code counted} ({@link Connection#TOTAL_NOT_SELECTED}
	 * otherwise). Page and count are one statement: a round trip to PostgreSQL costs a page request
	 * more than its rows do (bench/README.md, read path).
	 */
	Mono<AccountDirectory.Page> page(TenantTransaction tx, PageRequest page, boolean counted) {
		String comparison = page.forward() ? ">" : "<";
		String order = page.forward() ? "ASC" : "DESC";
		String where = page.cursorKey() != null ? " WHERE code " + comparison + " :cursor" : "";
		String select = "SELECT " + COLUMNS + " FROM ledger_account" + where + " ORDER BY code " + order + " LIMIT :limit";
		// The count is the outer row source so that an empty page still answers it (one row of nulls).
		String sql = counted ? "SELECT c.total, p.* FROM (SELECT count(*) AS total FROM ledger_account) c LEFT JOIN LATERAL ("
				+ select + ") p ON true ORDER BY p.code " + order : select;
		var statement = tx.db().sql(sql).bind("limit", page.size() + 1);
		if (page.cursorKey() != null) {
			statement = statement.bind("cursor", page.cursorKey());
		}
		return statement.map(row -> new PageRow(counted ? row.get("total", Long.class) : null,
				row.get("id", UUID.class) == null ? null : toAccount(row)))
			.all()
			.collectList()
			.map(rows -> new AccountDirectory.Page(rows.stream().map(PageRow::account).filter(Objects::nonNull).toList(),
					counted && !rows.isEmpty() ? Objects.requireNonNull(rows.get(0).total()).intValue() : Connection.TOTAL_NOT_SELECTED));
	}

	/**
	 * The accounts of the viewer's tenant with these keys; unknown keys are absent. Accounts never
	 * change once created (V10's trigger refuses any update or deletion), so those already read are
	 * answered from memory, keyed by tenant: a cube by account or a page of journal lines then costs
	 * no database round trip for its accounts. Only rows read through the tenant's own row-level
	 * security enter the cache.
	 */
	Mono<Map<UUID, Account>> load(Viewer viewer, Collection<UUID> keys) {
		return cached(viewer.tenant(), keys, missing -> database.inTransaction(viewer.tenant(), db -> find(db, missing)));
	}

	/** The same, reading what the cache lacks in the caller's open transaction of the tenant. */
	Mono<Map<UUID, Account>> load(TenantTransaction tx, Collection<UUID> keys) {
		return cached(tx.tenant(), keys, missing -> find(tx.db(), missing));
	}

	/** The tenant's accounts by code, at most {@code max} of them in code order. */
	Mono<Map<String, Account>> byCode(TenantTransaction tx, int max) {
		return tx.db().sql("SELECT " + COLUMNS + " FROM ledger_account ORDER BY code LIMIT :max")
			.bind("max", max)
			.map(AccountService::toAccount)
			.all()
			.collectMap(Account::code, account -> account, LinkedHashMap::new);
	}

	private Mono<Map<UUID, Account>> cached(String tenant, Collection<UUID> keys, Function<List<UUID>, Mono<List<Account>>> read) {
		Map<UUID, Account> found = new HashMap<>();
		List<UUID> missing = new ArrayList<>();
		for (UUID key : keys) {
			Account known = cache.getIfPresent(new TenantKey(tenant, key));
			if (known != null) {
				found.put(key, known);
			}
			else {
				missing.add(key);
			}
		}
		if (missing.isEmpty()) {
			return Mono.just(found);
		}
		return read.apply(missing).map(loaded -> {
			Map<UUID, Account> all = new HashMap<>(found);
			for (Account account : loaded) {
				cache.put(new TenantKey(tenant, account.key()), account);
				all.put(account.key(), account);
			}
			return all;
		});
	}

	private static Mono<Account> find(DatabaseClient db, UUID key) {
		return find(db, List.of(key)).flatMap(found -> Mono.justOrEmpty(found.stream().findFirst()));
	}

	private static Mono<List<Account>> find(DatabaseClient db, Collection<UUID> keys) {
		return db.sql("SELECT " + COLUMNS + " FROM ledger_account WHERE id = ANY(:keys)")
			.bind("keys", keys.toArray(UUID[]::new))
			.map(AccountService::toAccount)
			.all()
			.collectList();
	}

	private static CreateAccount.Payload duplicateCode(CreateAccount.Input input) {
		return CreateAccount.Payload.failed(new CreateAccount.Error(CreateAccount.ErrorCode.DUPLICATE_ACCOUNT_CODE,
				"An account with code " + input.code() + " already exists", List.of("input", "code")));
	}

	private static Account toAccount(Readable row) {
		return new Account(row.get("id", UUID.class), row.get("code", String.class), row.get("name", String.class),
				AccountType.valueOf(row.get("type", String.class)), Currency.getInstance(row.get("currency", String.class)),
				row.get("created_at", OffsetDateTime.class).toInstant());
	}

	private record TenantKey(String tenant, UUID key) {
	}

	/** A row of a counted or uncounted page: an empty counted page answers one row without account. */
	private record PageRow(@Nullable Long total, @Nullable Account account) {
	}

}
