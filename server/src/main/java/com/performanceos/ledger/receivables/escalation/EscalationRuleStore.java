package com.performanceos.ledger.receivables.escalation;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import com.performanceos.ledger.receivables.invoices.InvoiceKind;
import com.performanceos.platform.graphql.ErrorCode;
import com.performanceos.platform.graphql.GraphQlException;
import com.performanceos.platform.tenancy.TenantTransaction;

/** The rules' SQL; every method runs inside a tenant transaction. */
@Component
class EscalationRuleStore {

	static final String COLUMNS = "id, name, kind, min_days_overdue, min_open_amount, currency, owner, webhook_url, active, "
			+ "created_at, updated_at";

	/** A rule's values as written; the secret is already encrypted. */
	record Values(String name, int minDaysOverdue, BigDecimal minOpenAmount, Currency currency, String owner,
			@Nullable String webhookUrl, @Nullable String encryptedSecret) {
	}

	Mono<EscalationRule> insert(TenantTransaction tx, InvoiceKind kind, Values values) {
		var insert = tx.db().sql("INSERT INTO ledger_escalation_rule (tenant_id, id, name, kind, min_days_overdue, min_open_amount, "
				+ "currency, owner, webhook_url, webhook_secret) VALUES (:tenant, :id, :name, :kind, :days, :amount, :currency, "
				+ ":owner, :url, :secret) RETURNING " + COLUMNS)
			.bind("tenant", tx.tenant())
			.bind("id", UUID.randomUUID())
			.bind("kind", kind.name());
		return bindValues(insert, values).map(EscalationRuleStore::toRule).one()
			// The scheduled run finds tenants through this list before entering their transactions.
			.flatMap(rule -> tx.db().sql("INSERT INTO ledger_escalation_tenant (tenant_id) VALUES (:tenant) ON CONFLICT DO NOTHING")
				.bind("tenant", tx.tenant())
				.then()
				.thenReturn(rule));
	}

	/** Replaces the values; a null encrypted secret keeps the current one while a webhook remains. */
	Mono<EscalationRule> update(DatabaseClient db, UUID key, Values values) {
		var update = db.sql("UPDATE ledger_escalation_rule SET name = :name, min_days_overdue = :days, min_open_amount = :amount, "
				+ "currency = :currency, owner = :owner, webhook_url = :url, "
				+ "webhook_secret = CASE WHEN CAST(:url AS text) IS NULL THEN NULL ELSE coalesce(CAST(:secret AS text), webhook_secret) END, "
				+ "updated_at = clock_timestamp() WHERE id = :id RETURNING " + COLUMNS)
			.bind("id", key);
		return bindValues(update, values).map(EscalationRuleStore::toRule).one();
	}

	Mono<EscalationRule> deactivate(DatabaseClient db, UUID key) {
		return db.sql("UPDATE ledger_escalation_rule SET active = false, updated_at = clock_timestamp() WHERE id = :id RETURNING "
				+ COLUMNS)
			.bind("id", key)
			.map(EscalationRuleStore::toRule)
			.one();
	}

	/** The active rule with its lock held, with whether it has a secret; empty when absent or deleted. */
	Mono<Locked> lockActive(DatabaseClient db, UUID key) {
		return db.sql("SELECT " + COLUMNS + ", webhook_secret IS NOT NULL AS has_secret FROM ledger_escalation_rule "
				+ "WHERE id = :id AND active FOR UPDATE")
			.bind("id", key)
			.map(row -> new Locked(toRule(row), Boolean.TRUE.equals(row.get("has_secret", Boolean.class))))
			.one();
	}

	/** A locked rule and whether a secret is stored for it. */
	record Locked(EscalationRule rule, boolean hasSecret) {
	}

	Mono<Map<UUID, EscalationRule>> load(DatabaseClient db, Collection<UUID> keys) {
		return db.sql("SELECT " + COLUMNS + " FROM ledger_escalation_rule WHERE id = ANY(:keys)")
			.bind("keys", keys.toArray(UUID[]::new))
			.map(EscalationRuleStore::toRule)
			.all()
			.collectMap(EscalationRule::key, Function.identity());
	}

	/** One page in creation order, plus the count. */
	Mono<Page> page(DatabaseClient db, boolean includeInactive, @Nullable String cursor, int size) {
		String filter = includeInactive ? " WHERE true" : " WHERE active";
		String where = filter + (cursor == null ? "" : " AND (created_at, id) > (:cursorTime, :cursorId)");
		var select = db.sql("SELECT " + COLUMNS + " FROM ledger_escalation_rule" + where + " ORDER BY created_at, id LIMIT :limit")
			.bind("limit", size + 1);
		if (cursor != null) {
			int separator = cursor.indexOf('|');
			try {
				select = select.bind("cursorTime", OffsetDateTime.parse(cursor.substring(0, separator)))
					.bind("cursorId", UUID.fromString(cursor.substring(separator + 1)));
			}
			catch (RuntimeException ex) {
				return Mono.error(new GraphQlException(ErrorCode.BAD_USER_INPUT, "Not a rule cursor returned by this API"));
			}
		}
		return select.map(EscalationRuleStore::toRule).all().collectList()
			.zipWith(db.sql("SELECT count(*) AS total FROM ledger_escalation_rule" + filter).map(row -> row.get("total", Long.class)).one(),
					(rows, total) -> new Page(rows, total.intValue()));
	}

	/** A page of rules and the count over all pages. */
	record Page(List<EscalationRule> rows, int totalCount) {
	}

	static String cursorOf(EscalationRule rule) {
		return rule.createdAt().atOffset(java.time.ZoneOffset.UTC) + "|" + rule.key();
	}

	private static DatabaseClient.GenericExecuteSpec bindValues(DatabaseClient.GenericExecuteSpec spec, Values values) {
		spec = spec.bind("name", values.name().strip())
			.bind("days", values.minDaysOverdue())
			.bind("amount", values.minOpenAmount())
			.bind("currency", values.currency().getCurrencyCode())
			.bind("owner", values.owner().strip());
		spec = values.webhookUrl() == null ? spec.bindNull("url", String.class) : spec.bind("url", values.webhookUrl());
		return values.encryptedSecret() == null ? spec.bindNull("secret", String.class) : spec.bind("secret", values.encryptedSecret());
	}

	static EscalationRule toRule(Readable row) {
		return new EscalationRule(row.get("id", UUID.class), row.get("name", String.class),
				InvoiceKind.valueOf(row.get("kind", String.class)), row.get("min_days_overdue", Integer.class),
				row.get("min_open_amount", BigDecimal.class), Currency.getInstance(row.get("currency", String.class)),
				row.get("owner", String.class), row.get("webhook_url", String.class), Boolean.TRUE.equals(row.get("active", Boolean.class)),
				row.get("created_at", OffsetDateTime.class).toInstant(), row.get("updated_at", OffsetDateTime.class).toInstant());
	}

}
