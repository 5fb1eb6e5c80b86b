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
import java.util.stream.Stream;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import com.performanceos.ledger.receivables.invoices.OverdueInvoices;
import com.performanceos.platform.graphql.ErrorCode;
import com.performanceos.platform.graphql.GraphQlException;
import com.performanceos.platform.tenancy.TenantTransaction;

/** The tasks' SQL; every method runs inside a tenant transaction. */
@Component
class EscalationTaskStore {

	private static final String COLUMNS = "id, task_seq, rule_id, invoice_id, owner, status, as_of, days_overdue, open_amount, "
			+ "currency, created_at, completed_at, completed_by";

	/**
	 * How many overdue invoices one statement matches against the rules: a page of them travels as
	 * arrays, so a run costs two round trips per thousand overdue invoices.
	 */
	private static final int OVERDUE_PAGE_SIZE = 1_000;

	/**
	 * Creates the tasks of one page of overdue invoices (in due date order) for every active rule
	 * they meet: overdue by at least the rule's days (and at least one day) with an open amount of
	 * at least the rule's amount, in the rule's kind and currency. Pairs that already have a task
	 * are skipped before the limit applies; the unique key settles concurrent runs.
	 */
	private static final String CREATE_TASKS = """
			WITH overdue AS (
			  SELECT * FROM unnest(CAST(:invoices AS uuid[]), CAST(:kinds AS text[]), CAST(:currencies AS text[]),
			                       CAST(CAST(:dueDates AS text[]) AS date[]), CAST(:daysOverdue AS int[]),
			                       CAST(CAST(:openAmounts AS text[]) AS numeric[]))
			    AS o(invoice_id, kind, currency, due_date, days_overdue, open_amount)
			), candidate AS (
			  SELECT r.id AS rule_id, r.owner, o.invoice_id, o.days_overdue, o.open_amount, r.currency
			  FROM ledger_escalation_rule r
			  JOIN overdue o ON o.kind = r.kind AND o.currency = r.currency
			  WHERE r.active
			    AND o.days_overdue >= greatest(r.min_days_overdue, 1)
			    AND o.open_amount >= r.min_open_amount
			    AND NOT EXISTS (SELECT 1 FROM ledger_escalation_task t WHERE t.rule_id = r.id AND t.invoice_id = o.invoice_id)
			  ORDER BY o.due_date, o.invoice_id, r.created_at, r.id
			  LIMIT :limit
			)
			INSERT INTO ledger_escalation_task (tenant_id, id, rule_id, invoice_id, owner, status, as_of, days_overdue, open_amount, currency)
			SELECT :tenant, gen_random_uuid(), rule_id, invoice_id, owner, 'OPEN', CAST(:asOf AS date), days_overdue, open_amount, currency
			FROM candidate
			ON CONFLICT (tenant_id, rule_id, invoice_id) DO NOTHING
			RETURNING """ + " " + COLUMNS;

	private final OverdueInvoices overdue;

	EscalationTaskStore(OverdueInvoices overdue) {
		this.overdue = overdue;
	}

	/**
	 * Creates the missing tasks of every active rule as of a date, at most {@code limit}: the
	 * overdue invoices come from their owner page by page, oldest due date first, until the limit is
	 * reached or no invoice is left, so a capped run leaves the rest to the next one.
	 */
	Mono<List<EscalationTask>> createTasks(TenantTransaction tx, LocalDate asOf, int limit) {
		return createTasks(tx, asOf, limit, OVERDUE_PAGE_SIZE);
	}

	/** As {@link #createTasks(TenantTransaction, LocalDate, int)}, matching {@code pageSize} overdue invoices a statement. */
	Mono<List<EscalationTask>> createTasks(TenantTransaction tx, LocalDate asOf, int limit, int pageSize) {
		return createTasks(tx, asOf, null, limit, pageSize, List.of());
	}

	private Mono<List<EscalationTask>> createTasks(TenantTransaction tx, LocalDate asOf, OverdueInvoices.@Nullable Cursor after, int limit,
			int pageSize, List<EscalationTask> created) {
		return overdue.page(tx, asOf, after, pageSize).flatMap(page -> page.isEmpty() ? Mono.just(created)
				: insert(tx, asOf, page, limit - created.size()).flatMap(inserted -> {
					List<EscalationTask> all = Stream.concat(created.stream(), inserted.stream()).toList();
					boolean done = all.size() >= limit || page.size() < pageSize;
					return done ? Mono.just(all) : createTasks(tx, asOf, page.getLast().cursor(), limit, pageSize, all);
				}));
	}

	private static Mono<List<EscalationTask>> insert(TenantTransaction tx, LocalDate asOf, List<OverdueInvoices.Overdue> page, int limit) {
		return tx.db().sql(CREATE_TASKS)
			.bind("tenant", tx.tenant())
			.bind("asOf", asOf)
			.bind("limit", limit)
			.bind("invoices", page.stream().map(OverdueInvoices.Overdue::key).toArray(UUID[]::new))
			.bind("kinds", page.stream().map(invoice -> invoice.kind().name()).toArray(String[]::new))
			.bind("currencies", page.stream().map(OverdueInvoices.Overdue::currency).toArray(String[]::new))
			.bind("dueDates", page.stream().map(invoice -> invoice.dueDate().toString()).toArray(String[]::new))
			.bind("daysOverdue", page.stream().map(OverdueInvoices.Overdue::daysOverdue).toArray(Integer[]::new))
			.bind("openAmounts", page.stream().map(invoice -> invoice.openAmount().toPlainString()).toArray(String[]::new))
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
