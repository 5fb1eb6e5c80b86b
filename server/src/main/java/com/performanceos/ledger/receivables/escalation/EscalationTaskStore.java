package com.performanceos.ledger.receivables.escalation;

import java.math.BigDecimal;
import java.time.LocalDate;
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

import com.performanceos.platform.graphql.ErrorCode;
import com.performanceos.platform.graphql.GraphQlException;
import com.performanceos.platform.tenancy.TenantTransaction;

/** The tasks' SQL; every method runs inside a tenant transaction. */
@Component
class EscalationTaskStore {

	private static final String COLUMNS = "id, task_seq, rule_id, invoice_id, owner, status, as_of, days_overdue, open_amount, "
			+ "currency, created_at, completed_at, completed_by";

	/**
	 * Creates the missing tasks of every active rule as of a date, in one statement. An invoice
	 * escalates when it is overdue by at least the rule's days (and at least one day) with an open
	 * amount (payments dated on or before the date deducted) of at least the rule's amount, in the
	 * rule's currency. Pairs that already have a task are skipped before the limit applies, so a
	 * capped run leaves the rest to the next one; the unique key settles concurrent runs.
	 */
	private static final String CREATE_TASKS = """
			WITH paid AS (
			  SELECT invoice_id, sum(amount) AS paid FROM ledger_invoice_payment
			  WHERE payment_date <= CAST(:asOf AS date) GROUP BY invoice_id
			), candidate AS (
			  SELECT r.id AS rule_id, r.owner, i.id AS invoice_id, CAST(:asOf AS date) - i.due_date AS days_overdue,
			         i.amount - coalesce(p.paid, 0) AS open_amount, i.currency
			  FROM ledger_escalation_rule r
			  JOIN ledger_invoice i ON i.kind = r.kind AND i.currency = r.currency
			  LEFT JOIN paid p ON p.invoice_id = i.id
			  WHERE r.active AND i.issue_date <= CAST(:asOf AS date)
			    AND CAST(:asOf AS date) - i.due_date >= greatest(r.min_days_overdue, 1)
			    AND i.amount - coalesce(p.paid, 0) >= r.min_open_amount
			    AND i.amount - coalesce(p.paid, 0) > 0
			    AND NOT EXISTS (SELECT 1 FROM ledger_escalation_task t WHERE t.rule_id = r.id AND t.invoice_id = i.id)
			  ORDER BY i.due_date, i.id, r.created_at, r.id
			  LIMIT :limit
			)
			INSERT INTO ledger_escalation_task (tenant_id, id, rule_id, invoice_id, owner, status, as_of, days_overdue, open_amount, currency)
			SELECT :tenant, gen_random_uuid(), rule_id, invoice_id, owner, 'OPEN', CAST(:asOf AS date), days_overdue, open_amount, currency
			FROM candidate
			ON CONFLICT (tenant_id, rule_id, invoice_id) DO NOTHING
			RETURNING """ + " " + COLUMNS;

	Mono<List<EscalationTask>> createTasks(TenantTransaction tx, LocalDate asOf, int limit) {
		return tx.db().sql(CREATE_TASKS)
			.bind("tenant", tx.tenant())
			.bind("asOf", asOf)
			.bind("limit", limit)
			.map(EscalationTaskStore::toTask)
			.all()
			.collectList();
	}

	Mono<Map<UUID, EscalationTask>> load(DatabaseClient db, Collection<UUID> keys) {
		return db.sql("SELECT " + COLUMNS + " FROM ledger_escalation_task WHERE id = ANY(:keys)")
			.bind("keys", keys.toArray(UUID[]::new))
			.map(EscalationTaskStore::toTask)
			.all()
			.collectMap(EscalationTask::key, Function.identity());
	}

	/** What a notification says about each invoice, keyed by invoice. */
	Mono<EscalationTask> lock(DatabaseClient db, UUID key) {
		return db.sql("SELECT " + COLUMNS + " FROM ledger_escalation_task WHERE id = :id FOR UPDATE")
			.bind("id", key)
			.map(EscalationTaskStore::toTask)
			.one();
	}

	Mono<EscalationTask> complete(DatabaseClient db, UUID key, String subject) {
		return db.sql("UPDATE ledger_escalation_task SET status = 'DONE', completed_at = clock_timestamp(), completed_by = :subject "
				+ "WHERE id = :id AND status = 'OPEN' RETURNING " + COLUMNS)
			.bind("id", key)
			.bind("subject", subject)
			.map(EscalationTaskStore::toTask)
			.one();
	}

	/** Filters of the task list. */
	record Filter(EscalationTask.@Nullable Status status, @Nullable String owner) {
	}

	/** One page in creation order, plus the count. */
	Mono<Page> page(DatabaseClient db, Filter filter, @Nullable String cursor, int size) {
		StringBuilder where = new StringBuilder(" WHERE true");
		if (filter.status() != null) {
			where.append(" AND status = :status");
		}
		if (filter.owner() != null) {
			where.append(" AND owner = :owner");
		}
		String filtered = where.toString();
		Long after = null;
		if (cursor != null) {
			try {
				after = Long.parseLong(cursor);
			}
			catch (NumberFormatException ex) {
				return Mono.error(new GraphQlException(ErrorCode.BAD_USER_INPUT, "Not a task cursor returned by this API"));
			}
			where.append(" AND task_seq > :after");
		}
		var select = db.sql("SELECT " + COLUMNS + " FROM ledger_escalation_task" + where + " ORDER BY task_seq LIMIT :limit")
			.bind("limit", size + 1);
		var count = db.sql("SELECT count(*) AS total FROM ledger_escalation_task" + filtered);
		if (filter.status() != null) {
			select = select.bind("status", filter.status().name());
			count = count.bind("status", filter.status().name());
		}
		if (filter.owner() != null) {
			select = select.bind("owner", filter.owner());
			count = count.bind("owner", filter.owner());
		}
		if (after != null) {
			select = select.bind("after", after);
		}
		return select.map(EscalationTaskStore::toTask).all().collectList()
			.zipWith(count.map(row -> row.get("total", Long.class)).one(), (rows, total) -> new Page(rows, total.intValue()));
	}

	/** A page of tasks and the count over all pages. */
	record Page(List<EscalationTask> rows, int totalCount) {
	}

	private static EscalationTask toTask(Readable row) {
		OffsetDateTime completedAt = row.get("completed_at", OffsetDateTime.class);
		return new EscalationTask(row.get("id", UUID.class), row.get("task_seq", Long.class), row.get("rule_id", UUID.class),
				row.get("invoice_id", UUID.class), row.get("owner", String.class),
				EscalationTask.Status.valueOf(row.get("status", String.class)), row.get("as_of", LocalDate.class),
				row.get("days_overdue", Integer.class), row.get("open_amount", BigDecimal.class),
				Currency.getInstance(row.get("currency", String.class)), row.get("created_at", OffsetDateTime.class).toInstant(),
				completedAt == null ? null : completedAt.toInstant(), row.get("completed_by", String.class));
	}

}
