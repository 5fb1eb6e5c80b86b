package com.performanceos.ledger.mappings;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import com.performanceos.platform.idempotency.IdempotencyKeys;
import com.performanceos.platform.mutations.Idempotency;
import com.performanceos.platform.mutations.Mutations;
import com.performanceos.platform.mutations.Outcome;
import com.performanceos.platform.security.Viewer;
import com.performanceos.platform.tenancy.TenantDatabase;
import com.performanceos.platform.tenancy.TenantTransaction;

/** Maps source chart codes to pivot accounts and reads the mappings of the caller's tenant. */
@Service
class AccountMappingService {

	private static final String COLUMNS = "id, source, source_code, label, account_id, created_at";

	private final TenantDatabase database;

	private final Mutations mutations;

	private final AccountDirectory accounts;

	AccountMappingService(TenantDatabase database, Mutations mutations, AccountDirectory accounts) {
		this.accounts = accounts;
		this.database = database;
		this.mutations = mutations;
	}

	Mono<MapAccount.Payload> map(Viewer viewer, MapAccount.Input input, @Nullable String sourceAddress) {
		List<MapAccount.Error> invalid = new ArrayList<>(input.validate());
		var accountKey = GlobalId.decode(input.accountId(), AccountDirectory.typeName());
		if (accountKey.isEmpty()) {
			invalid.add(unknownAccount(input));
		}
		return Mutations.unlessInvalid(invalid, problems -> new MapAccount.Payload(null, problems),
				() -> mutations.idempotent(viewer.tenant(), new Idempotency<>(MapAccount.OPERATION, input.idempotencyKey(), input.fingerprint(),
						() -> MapAccount.Payload.failed(new MapAccount.Error(MapAccount.ErrorCode.IDEMPOTENCY_CONFLICT,
								IdempotencyKeys.CONFLICT_MESSAGE, List.of("input", "idempotencyKey"))),
						(tx, key) -> find(tx.db(), List.of(key)).map(found -> new MapAccount.Payload(found.get(0), List.of()))),
						tx -> accounts.loadWithin(tx, List.of(accountKey.get()))
							.filter(found -> found.containsKey(accountKey.get()))
							.flatMap(exists -> insert(tx, viewer, input, accountKey.get(), sourceAddress))
							.defaultIfEmpty(Outcome.rejected(MapAccount.Payload.failed(unknownAccount(input)))))
					// A concurrent mapping of the same source code with another key won the unique constraint.
					.onErrorResume(DuplicateKeyException.class, ex -> Mono.just(duplicate(input))));
	}

	private static Mono<Outcome<MapAccount.Payload>> insert(TenantTransaction tx, Viewer viewer, MapAccount.Input input,
			UUID accountKey, @Nullable String sourceAddress) {
		var insert = tx.db().sql("INSERT INTO ledger_account_mapping (tenant_id, id, source, source_code, label, account_id) "
				+ "VALUES (:tenant, :id, :source, :sourceCode, :label, :account) "
				+ "ON CONFLICT (tenant_id, source, source_code) DO NOTHING RETURNING " + COLUMNS)
			.bind("tenant", tx.tenant())
			.bind("id", UUID.randomUUID())
			.bind("source", input.normalisedSource())
			.bind("sourceCode", input.sourceCode())
			.bind("account", accountKey);
		String label = input.normalisedLabel();
		insert = label == null ? insert.bindNull("label", String.class) : insert.bind("label", label);
		return insert.map(AccountMappingService::toMapping)
			.one()
			.map(mapping -> {
				Map<String, Object> image = new LinkedHashMap<>();
				image.put("id", mapping.id());
				image.put("source", mapping.source());
				image.put("sourceCode", mapping.sourceCode());
				image.put("label", mapping.label());
				image.put("accountId", input.accountId());
				return Outcome.committed(new MapAccount.Payload(mapping, List.of()), mapping.key(), new AuditEntry(viewer.subject(),
						"ledger.account_mapping.created", AccountMapping.TYPE_NAME, mapping.id(), sourceAddress, null, image));
			})
			.defaultIfEmpty(Outcome.rejected(duplicate(input)));
	}

	Mono<Connection<AccountMapping>> list(Viewer viewer, @Nullable String source, PageRequest page) {
		if (source != null && !MapAccount.SOURCE.matcher(source).matches()) {
			return Mono.error(new GraphQlException(ErrorCode.BAD_USER_INPUT, "source must be 1 to 30 letters, digits or underscores"));
		}
		String[] cursor = page.cursorKey() == null ? null : page.cursorKey().split("\u001f", 2);
		if (cursor != null && cursor.length != 2) {
			return Mono.error(new GraphQlException(ErrorCode.BAD_USER_INPUT, "Not an account mapping cursor"));
		}
		String filter = source == null ? " WHERE true" : " WHERE source = :source";
		String keyset = cursor == null ? "" : " AND (source, source_code) " + (page.forward() ? ">" : "<") + " (:cursorSource, :cursorCode)";
		String order = page.forward() ? "ASC" : "DESC";
		return database.inTransaction(viewer.tenant(), db -> {
			var select = db.sql("SELECT " + COLUMNS + " FROM ledger_account_mapping" + filter + keyset + " ORDER BY source " + order
					+ ", source_code " + order + " LIMIT :limit")
				.bind("limit", page.size() + 1);
			var count = db.sql("SELECT count(*) AS total FROM ledger_account_mapping" + filter);
			if (source != null) {
				select = select.bind("source", source.toUpperCase(Locale.ROOT));
				count = count.bind("source", source.toUpperCase(Locale.ROOT));
			}
			if (cursor != null) {
				select = select.bind("cursorSource", cursor[0]).bind("cursorCode", cursor[1]);
			}
			Mono<List<AccountMapping>> rows = select.map(AccountMappingService::toMapping).all().collectList();
			return rows.zipWith(count.map(row -> row.get("total", Long.class)).one(),
					(found, total) -> Connection.fromKeyset(page, found, AccountMapping::cursorKey, total.intValue()));
		});
	}

	Mono<Map<UUID, AccountMapping>> load(Viewer viewer, Collection<UUID> keys) {
		return database.inTransaction(viewer.tenant(), db -> find(db, keys)
			.map(found -> found.stream().collect(Collectors.toMap(AccountMapping::key, Function.identity()))));
	}

	private static Mono<List<AccountMapping>> find(DatabaseClient db, Collection<UUID> keys) {
		return db.sql("SELECT " + COLUMNS + " FROM ledger_account_mapping WHERE id = ANY(:keys)")
			.bind("keys", keys.toArray(UUID[]::new))
			.map(AccountMappingService::toMapping)
			.all()
			.collectList();
	}

	private static MapAccount.Payload duplicate(MapAccount.Input input) {
		return MapAccount.Payload.failed(new MapAccount.Error(MapAccount.ErrorCode.DUPLICATE_MAPPING, "The code " + input.sourceCode()
				+ " of " + input.normalisedSource() + " is already mapped", List.of("input", "sourceCode")));
	}

	private static MapAccount.Error unknownAccount(MapAccount.Input input) {
		return new MapAccount.Error(MapAccount.ErrorCode.UNKNOWN_ACCOUNT, "No account with id " + input.accountId(),
				List.of("input", "accountId"));
	}

	private static AccountMapping toMapping(Readable row) {
		return new AccountMapping(row.get("id", UUID.class), row.get("source", String.class), row.get("source_code", String.class),
				row.get("label", String.class), row.get("account_id", UUID.class), row.get("created_at", OffsetDateTime.class).toInstant());
	}

}
