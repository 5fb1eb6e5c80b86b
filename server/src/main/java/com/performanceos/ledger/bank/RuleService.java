package com.performanceos.ledger.bank;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
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
import com.performanceos.platform.security.Viewer;
import com.performanceos.platform.tenancy.TenantDatabase;
import com.performanceos.platform.tenancy.TenantTransaction;

/** Creates, changes, deletes and lists the categorisation rules of the caller's tenant. */
@Service
class RuleService {

	/** Most rules of one tenant: every incoming transaction is matched against all of them. */
	static final int RULES_MAX = 500;

	private static final String COLUMNS = "r.id, r.name, r.counterparty_pattern, r.label_pattern, r.priority, r.ledger_account_id, r.created_at";

	private static final String FROM = " FROM ledger_bank_rule r";

	private final TenantDatabase database;

	private final Mutations mutations;

	private final AccountDirectory accounts;

	RuleService(TenantDatabase database, Mutations mutations, AccountDirectory accounts) {
		this.database = database;
		this.mutations = mutations;
		this.accounts = accounts;
	}

	Mono<RuleInputs.RulePayload> create(Viewer viewer, RuleInputs.CreateInput input, @Nullable String sourceAddress) {
		return Mutations.unlessInvalid(input.validate(), RuleInputs.RulePayload::failed, () -> {
			UUID key = UUID.randomUUID();
			return mutations.idempotent(viewer.tenant(), new Idempotency<>(RuleInputs.CREATE_OPERATION, input.idempotencyKey(),
					input.definition().fingerprint(), () -> RuleInputs.RulePayload.failed(BankError.conflict()),
					(tx, resultKey) -> find(tx, List.of(resultKey)).map(found -> new RuleInputs.RulePayload(found.get(0), List.of()))),
					tx -> accountExists(tx, input.definition())
						.zipWith(tx.db().sql("SELECT count(*) AS total FROM ledger_bank_rule").map(row -> row.get("total", Long.class)).one())
						.flatMap(checks -> {
							if (!checks.getT1()) {
								return Mono.just(Outcome.rejected(unknownAccount(input.definition())));
							}
							if (checks.getT2() >= RULES_MAX) {
								return Mono.just(Outcome.rejected(RuleInputs.RulePayload.failed(BankError.of(BankError.Code.LIMIT_REACHED,
										"idempotencyKey", "A tenant holds at most " + RULES_MAX + " rules"))));
							}
							return write(tx, viewer, key, input.definition(), true).map(rule -> Outcome.committed(
									new RuleInputs.RulePayload(rule, List.of()), key, audit(viewer, "ledger.categorization_rule.created", rule, sourceAddress)));
						}));
		});
	}

	Mono<RuleInputs.RulePayload> update(Viewer viewer, RuleInputs.UpdateInput input, @Nullable String sourceAddress) {
		List<BankError> invalid = input.definition().validate();
		Optional<UUID> key = GlobalId.decode(input.ruleId(), CategorizationRule.TYPE_NAME);
		if (key.isEmpty()) {
			invalid = new java.util.ArrayList<>(invalid);
			invalid.add(BankError.of(BankError.Code.RULE_NOT_FOUND, "ruleId", "Not a rule id: " + input.ruleId()));
		}
		return Mutations.unlessInvalid(invalid, RuleInputs.RulePayload::failed,
				() -> mutations.once(viewer.tenant(), tx -> accountExists(tx, input.definition()).flatMap(exists -> !exists
						? Mono.just(Outcome.rejected(unknownAccount(input.definition())))
						: write(tx, viewer, key.get(), input.definition(), false)
							.map(rule -> Outcome.committed(new RuleInputs.RulePayload(rule, List.of()),
									audit(viewer, "ledger.categorization_rule.updated", rule, sourceAddress)))
							.defaultIfEmpty(Outcome.rejected(RuleInputs.RulePayload.failed(
									BankError.of(BankError.Code.RULE_NOT_FOUND, "ruleId", "No rule with id " + input.ruleId())))))));
	}

	Mono<RuleInputs.DeletePayload> delete(Viewer viewer, RuleInputs.DeleteInput input, @Nullable String sourceAddress) {
		Optional<UUID> key = GlobalId.decode(input.ruleId(), CategorizationRule.TYPE_NAME);
		RuleInputs.DeletePayload notFound = new RuleInputs.DeletePayload(null,
				List.of(BankError.of(BankError.Code.RULE_NOT_FOUND, "ruleId", "No rule with id " + input.ruleId())));
		if (key.isEmpty()) {
			return Mono.just(notFound);
		}
		return mutations.once(viewer.tenant(), tx -> find(tx, List.of(key.get()))
			.flatMap(found -> found.isEmpty() ? Mono.just(Outcome.rejected(notFound))
					: tx.db().sql("DELETE FROM ledger_bank_rule WHERE id = :id").bind("id", key.get()).then()
						.thenReturn(Outcome.committed(new RuleInputs.DeletePayload(input.ruleId(), List.of()),
								new AuditEntry(viewer.subject(), "ledger.categorization_rule.deleted", CategorizationRule.TYPE_NAME,
										input.ruleId(), sourceAddress, image(found.get(0)), null)))));
	}

	/** Whether the pivot account exists (its currency decides which transactions the rule can take). */
	private Mono<Boolean> accountExists(TenantTransaction tx, RuleInputs.Definition definition) {
		UUID accountKey = GlobalId.decode(definition.accountId(), "Account").orElseThrow();
		return accounts.loadWithin(tx, List.of(accountKey)).map(found -> found.containsKey(accountKey));
	}

	private static RuleInputs.RulePayload unknownAccount(RuleInputs.Definition definition) {
		return RuleInputs.RulePayload.failed(BankError.of(BankError.Code.UNKNOWN_ACCOUNT, "accountId",
				"No account with id " + definition.accountId()));
	}

	private Mono<CategorizationRule> write(TenantTransaction tx, Viewer viewer, UUID key, RuleInputs.Definition definition,
			boolean create) {
		String sql = create
				? "INSERT INTO ledger_bank_rule (tenant_id, id, name, counterparty_pattern, label_pattern, priority, ledger_account_id) "
						+ "VALUES (:tenant, :id, :name, :counterparty, :label, :priority, :account)"
				: "UPDATE ledger_bank_rule SET name = :name, counterparty_pattern = :counterparty, label_pattern = :label, "
						+ "priority = :priority, ledger_account_id = :account WHERE id = :id AND tenant_id = :tenant";
		var statement = tx.db().sql(sql)
			.bind("tenant", viewer.tenant())
			.bind("id", key)
			.bind("name", definition.name().strip())
			.bind("priority", definition.priority())
			.bind("account", GlobalId.decode(definition.accountId(), "Account").orElseThrow());
		statement = definition.counterpartyPattern() == null ? statement.bindNull("counterparty", String.class)
				: statement.bind("counterparty", definition.counterpartyPattern().strip());
		statement = definition.labelPattern() == null ? statement.bindNull("label", String.class)
				: statement.bind("label", definition.labelPattern().strip());
		return statement.fetch().rowsUpdated()
			.flatMap(updated -> updated == 0 ? Mono.empty()
					: find(tx, List.of(key)).map(found -> found.get(0)));
	}

	private static AuditEntry audit(Viewer viewer, String action, CategorizationRule rule, @Nullable String sourceAddress) {
		return new AuditEntry(viewer.subject(), action, CategorizationRule.TYPE_NAME, rule.id(), sourceAddress, null, image(rule));
	}

	private static Map<String, Object> image(CategorizationRule rule) {
		Map<String, Object> image = new HashMap<>();
		image.put("id", rule.id());
		image.put("name", rule.name());
		image.put("counterpartyPattern", rule.counterpartyPattern());
		image.put("labelPattern", rule.labelPattern());
		image.put("priority", rule.priority());
		image.put("accountId", GlobalId.encode("Account", rule.accountKey()));
		return image;
	}

	Mono<Connection<CategorizationRule>> list(Viewer viewer, PageRequest page) {
		Position cursor = page.cursorKey() == null ? null : Position.parse(page.cursorKey());
		String comparison = page.forward() ? ">" : "<";
		String order = page.forward() ? "ASC" : "DESC";
		String where = cursor != null ? " WHERE (r.priority, r.created_at, r.id) " + comparison + " (:priority, :createdAt, :id)" : "";
		return database.run(viewer.tenant(), tx -> {
			var select = tx.db().sql("SELECT " + COLUMNS + FROM + where + " ORDER BY r.priority " + order + ", r.created_at " + order
					+ ", r.id " + order + " LIMIT :limit").bind("limit", page.size() + 1);
			if (cursor != null) {
				select = select.bind("priority", cursor.priority()).bind("createdAt", cursor.createdAt()).bind("id", cursor.id());
			}
			Mono<List<CategorizationRule>> rows = withCurrencies(tx, select.map(RuleService::toRow).all());
			Mono<Long> total = tx.db().sql("SELECT count(*) AS total FROM ledger_bank_rule").map(row -> row.get("total", Long.class)).one();
			return rows.zipWith(total, (found, count) -> Connection.fromKeyset(page, found, Position::of, count.intValue()));
		});
	}

	Mono<Map<UUID, CategorizationRule>> load(Viewer viewer, Collection<UUID> keys) {
		return database.run(viewer.tenant(), tx -> find(tx, keys))
			.map(found -> found.stream().collect(Collectors.toMap(CategorizationRule::key, Function.identity())));
	}

	/** Every rule of the tenant in matching order. */
	Mono<List<CategorizationRule>> inMatchingOrder(TenantTransaction tx) {
		return withCurrencies(tx, tx.db().sql("SELECT " + COLUMNS + FROM + " ORDER BY r.priority, r.created_at, r.id LIMIT " + RULES_MAX)
			.map(RuleService::toRow).all());
	}

	private Mono<List<CategorizationRule>> find(TenantTransaction tx, Collection<UUID> keys) {
		return withCurrencies(tx, tx.db().sql("SELECT " + COLUMNS + FROM + " WHERE r.id = ANY(:keys)")
			.bind("keys", keys.toArray(UUID[]::new)).map(RuleService::toRow).all());
	}

	/** The rules with their pivot account's currency, which the accounts' owner answers (from its cache). */
	private Mono<List<CategorizationRule>> withCurrencies(TenantTransaction tx, Flux<StoredRule> rows) {
		return rows.collectList().flatMap(found -> found.isEmpty() ? Mono.just(List.<CategorizationRule>of())
				: accounts.loadWithin(tx, found.stream().map(StoredRule::accountKey).collect(Collectors.toSet()))
					.map(byKey -> found.stream().map(row -> row.withCurrency(byKey.get(row.accountKey()).currency())).toList()));
	}

	private static StoredRule toRow(Readable row) {
		return new StoredRule(row.get("id", UUID.class), row.get("name", String.class), row.get("counterparty_pattern", String.class),
				row.get("label_pattern", String.class), row.get("priority", Integer.class), row.get("ledger_account_id", UUID.class),
				row.get("created_at", OffsetDateTime.class).toInstant());
	}

	/** A rule as its table holds it, before its account's currency is known. */
	private record StoredRule(UUID key, String name, @Nullable String counterpartyPattern, @Nullable String labelPattern, int priority,
			UUID accountKey, Instant createdAt) {

		CategorizationRule withCurrency(Currency currency) {
			return new CategorizationRule(key, name, counterpartyPattern, labelPattern, priority, accountKey, currency, createdAt);
		}

	}

	/** The keyset position of a rule in matching order. */
	private record Position(int priority, OffsetDateTime createdAt, UUID id) {

		static String of(CategorizationRule rule) {
			return rule.priority() + "|" + rule.createdAt() + "|" + rule.key();
		}

		static Position parse(String key) {
			String[] parts = key.split("\\|", -1);
			try {
				if (parts.length == 3) {
					return new Position(Integer.parseInt(parts[0]), java.time.Instant.parse(parts[1]).atOffset(java.time.ZoneOffset.UTC),
							UUID.fromString(parts[2]));
				}
			}
			catch (RuntimeException ex) {
				// Falls through to the error below.
			}
			throw new GraphQlException(ErrorCode.BAD_USER_INPUT, "Not a categorization rule cursor");
		}

	}

}
