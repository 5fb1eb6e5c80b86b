package com.performanceos.ledger.receivables.invoices;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.performanceos.platform.graphql.ErrorCode;
import com.performanceos.platform.graphql.GraphQlException;
import com.performanceos.platform.tenancy.TenantTransaction;

/** The invoices' SQL; every method runs inside a tenant transaction, so row-level security scopes it. */
@Component
class InvoiceStore {

	/** Most payments one invoice may carry, so {@code Invoice.payments} stays a bounded list. */
	static final int PAYMENTS_PER_INVOICE_MAX = 100;

	private static final String COLUMNS = "id, kind, number, counterparty_code, counterparty_name, region, issue_date, "
			+ "due_date, amount, paid_amount, currency, created_at";

	private static final String PAYMENT_COLUMNS = "p.id, p.invoice_id, p.payment_date, p.amount, i.currency, p.created_at";

	/** Filters of the invoice list. */
	record Filter(@Nullable InvoiceKind kind, @Nullable InvoiceStatus status, @Nullable String counterparty) {
	}

	Mono<Boolean> numberTaken(DatabaseClient db, InvoiceKind kind, String number) {
		return db.sql("SELECT 1 FROM ledger_invoice WHERE kind = :kind AND number = :number")
			.bind("kind", kind.name())
			.bind("number", number)
			.map(row -> true)
			.first()
			.defaultIfEmpty(false);
	}

	Mono<Invoice> insert(TenantTransaction tx, InvoiceInputs.CreateInput input) {
		return tx.db().sql("INSERT INTO ledger_invoice (tenant_id, id, kind, number, counterparty_code, counterparty_name, region, "
				+ "issue_date, due_date, amount, currency) VALUES (:tenant, :id, :kind, :number, :code, :name, :region, :issue, :due, "
				+ ":amount, :currency) RETURNING " + COLUMNS)
			.bind("tenant", tx.tenant())
			.bind("id", UUID.randomUUID())
			.bind("kind", input.kind().name())
			.bind("number", input.number().strip())
			.bind("code", input.counterpartyCode().strip())
			.bind("name", input.counterpartyName().strip())
			.bind("region", input.region().strip())
			.bind("issue", input.issueDate())
			.bind("due", input.dueDate())
			.bind("amount", input.amount())
			.bind("currency", input.currency().getCurrencyCode())
			.map(InvoiceStore::toInvoice)
			.one();
	}

	/**
	 * Inserts many invoices with one statement; a number already taken (by a concurrent writer)
	 * is skipped, so the caller compares what comes back with what it asked for.
	 */
	Mono<List<Invoice>> insertAll(TenantTransaction tx, List<InvoiceIntake.NewInvoice> invoices) {
		return tx.db().sql("""
				INSERT INTO ledger_invoice (tenant_id, id, kind, number, counterparty_code, counterparty_name, region, issue_date, due_date,
				                            amount, currency)
				SELECT :tenant, id, kind, number, code, name, region, issue, due, amount, currency
				FROM unnest(CAST(:ids AS uuid[]), CAST(:kinds AS text[]), CAST(:numbers AS text[]), CAST(:codes AS text[]),
				            CAST(:names AS text[]), CAST(:regions AS text[]), CAST(:issues AS date[]), CAST(:dues AS date[]),
				            CAST(:amounts AS numeric[]), CAST(:currencies AS text[]))
				     AS i(id, kind, number, code, name, region, issue, due, amount, currency)
				ON CONFLICT (tenant_id, kind, number) DO NOTHING
				RETURNING """ + " " + COLUMNS)
			.bind("tenant", tx.tenant())
			.bind("ids", invoices.stream().map(invoice -> UUID.randomUUID()).toArray(UUID[]::new))
			.bind("kinds", invoices.stream().map(invoice -> invoice.kind().name()).toArray(String[]::new))
			.bind("numbers", invoices.stream().map(invoice -> invoice.number().strip()).toArray(String[]::new))
			.bind("codes", invoices.stream().map(invoice -> invoice.counterpartyCode().strip()).toArray(String[]::new))
			.bind("names", invoices.stream().map(invoice -> invoice.counterpartyName().strip()).toArray(String[]::new))
			.bind("regions", invoices.stream().map(invoice -> invoice.region().strip()).toArray(String[]::new))
			.bind("issues", invoices.stream().map(InvoiceIntake.NewInvoice::issueDate).toArray(LocalDate[]::new))
			.bind("dues", invoices.stream().map(InvoiceIntake.NewInvoice::dueDate).toArray(LocalDate[]::new))
			.bind("amounts", invoices.stream().map(invoice -> invoice.amount().toPlainString()).toArray(String[]::new))
			.bind("currencies", invoices.stream().map(invoice -> invoice.currency().getCurrencyCode()).toArray(String[]::new))
			.map(InvoiceStore::toInvoice)
			.all()
			.collectList();
	}

	/** The (kind, number) pairs among {@code keys} already taken. */
	Flux<InvoiceIntake.Key> taken(DatabaseClient db, Collection<InvoiceIntake.Key> keys) {
		return db.sql("""
				SELECT i.kind, i.number FROM ledger_invoice i
				JOIN unnest(CAST(:kinds AS text[]), CAST(:numbers AS text[])) AS k(kind, number) ON k.kind = i.kind AND k.number = i.number""")
			.bind("kinds", keys.stream().map(key -> key.kind().name()).toArray(String[]::new))
			.bind("numbers", keys.stream().map(key -> key.number().strip()).toArray(String[]::new))
			.map(row -> new InvoiceIntake.Key(InvoiceKind.valueOf(row.get("kind", String.class)), row.get("number", String.class)))
			.all();
	}

	/** The invoice, locked until the end of the transaction so concurrent payments serialise on it. */
	Mono<Invoice> lock(DatabaseClient db, UUID key) {
		return db.sql("SELECT " + COLUMNS + " FROM ledger_invoice WHERE id = :id FOR UPDATE")
			.bind("id", key)
			.map(InvoiceStore::toInvoice)
			.one();
	}

	Mono<Long> paymentCount(DatabaseClient db, UUID invoiceKey) {
		return db.sql("SELECT count(*) AS total FROM ledger_invoice_payment WHERE invoice_id = :id")
			.bind("id", invoiceKey)
			.map(row -> row.get("total", Long.class))
			.one();
	}

	/** Inserts the payment and adds it to the invoice's paid amount; returns the updated invoice. */
	Mono<Invoice> insertPayment(TenantTransaction tx, UUID paymentKey, Invoice invoice, LocalDate date,
			BigDecimal amount) {
		return tx.db().sql("INSERT INTO ledger_invoice_payment (tenant_id, id, invoice_id, payment_date, amount) "
				+ "VALUES (:tenant, :id, :invoice, :date, :amount)")
			.bind("tenant", tx.tenant())
			.bind("id", paymentKey)
			.bind("invoice", invoice.key())
			.bind("date", date)
			.bind("amount", amount)
			.then()
			.then(tx.db().sql("UPDATE ledger_invoice SET paid_amount = paid_amount + :amount WHERE id = :id RETURNING " + COLUMNS)
				.bind("amount", amount)
				.bind("id", invoice.key())
				.map(InvoiceStore::toInvoice)
				.one());
	}

	Mono<Map<UUID, Invoice>> load(DatabaseClient db, Collection<UUID> keys) {
		return db.sql("SELECT " + COLUMNS + " FROM ledger_invoice WHERE id = ANY(:keys)")
			.bind("keys", keys.toArray(UUID[]::new))
			.map(InvoiceStore::toInvoice)
			.all()
			.collectMap(Invoice::key, Function.identity());
	}

	Mono<Map<UUID, InvoicePayment>> loadPayments(DatabaseClient db, Collection<UUID> keys) {
		return db.sql("SELECT " + PAYMENT_COLUMNS + " FROM ledger_invoice_payment p JOIN ledger_invoice i ON i.id = p.invoice_id "
				+ "WHERE p.id = ANY(:keys)")
			.bind("keys", keys.toArray(UUID[]::new))
			.map(InvoiceStore::toPayment)
			.all()
			.collectMap(InvoicePayment::key, Function.identity());
	}

	/** The payments of the given invoices, grouped by invoice, each list by payment date then recording. */
	Mono<Map<UUID, List<InvoicePayment>>> paymentsOf(DatabaseClient db, Collection<UUID> invoiceKeys) {
		return db.sql("SELECT " + PAYMENT_COLUMNS + " FROM ledger_invoice_payment p JOIN ledger_invoice i ON i.id = p.invoice_id "
				+ "WHERE p.invoice_id = ANY(:keys) ORDER BY p.payment_date, p.created_at, p.id")
			.bind("keys", invoiceKeys.toArray(UUID[]::new))
			.map(InvoiceStore::toPayment)
			.all()
			.collect(Collectors.groupingBy(InvoicePayment::invoiceKey, Collectors.toList()));
	}

	/** One page in (due date, id) order, plus the number of matching invoices. */
	Mono<PageRows> page(DatabaseClient db, Filter filter, @Nullable String cursor, int size) {
		StringBuilder where = new StringBuilder(" WHERE true");
		if (filter.kind() != null) {
			where.append(" AND kind = :kind");
		}
		if (filter.status() != null) {
			where.append(" AND ").append(filter.status().condition());
		}
		if (filter.counterparty() != null) {
			where.append(" AND counterparty_code = :counterparty");
		}
		String filtered = where.toString();
		Cursor position = cursor == null ? null : Cursor.parse(cursor);
		if (position != null) {
			where.append(" AND (due_date, id) > (:cursorDate, :cursorId)");
		}
		var select = db.sql("SELECT " + COLUMNS + " FROM ledger_invoice" + where + " ORDER BY due_date, id LIMIT :limit")
			.bind("limit", size + 1);
		var count = db.sql("SELECT count(*) AS total FROM ledger_invoice" + filtered);
		if (filter.kind() != null) {
			select = select.bind("kind", filter.kind().name());
			count = count.bind("kind", filter.kind().name());
		}
		if (filter.counterparty() != null) {
			select = select.bind("counterparty", filter.counterparty());
			count = count.bind("counterparty", filter.counterparty());
		}
		if (position != null) {
			select = select.bind("cursorDate", position.dueDate()).bind("cursorId", position.key());
		}
		return select.map(InvoiceStore::toInvoice).all().collectList()
			.zipWith(count.map(row -> row.get("total", Long.class)).one(), (rows, total) -> new PageRows(rows, total.intValue()));
	}

	/** A page of rows and the total over all pages. */
	record PageRows(List<Invoice> rows, int totalCount) {
	}

	/** The keyset position of an invoice in the list order. */
	record Cursor(LocalDate dueDate, UUID key) {

		static String of(Invoice invoice) {
			return invoice.dueDate() + "|" + invoice.key();
		}

		static Cursor parse(String value) {
			int separator = value.indexOf('|');
			try {
				return new Cursor(LocalDate.parse(value.substring(0, separator)), UUID.fromString(value.substring(separator + 1)));
			}
			catch (RuntimeException ex) {
				throw new GraphQlException(ErrorCode.BAD_USER_INPUT, "Not an invoice cursor returned by this API");
			}
		}

	}

	static Invoice toInvoice(Readable row) {
		return new Invoice(row.get("id", UUID.class), InvoiceKind.valueOf(row.get("kind", String.class)),
				row.get("number", String.class), row.get("counterparty_code", String.class),
				row.get("counterparty_name", String.class), row.get("region", String.class),
				row.get("issue_date", LocalDate.class), row.get("due_date", LocalDate.class),
				row.get("amount", BigDecimal.class), row.get("paid_amount", BigDecimal.class),
				Currency.getInstance(row.get("currency", String.class)), row.get("created_at", OffsetDateTime.class).toInstant());
	}

	private static InvoicePayment toPayment(Readable row) {
		return new InvoicePayment(row.get("id", UUID.class), row.get("invoice_id", UUID.class),
				row.get("payment_date", LocalDate.class), row.get("amount", BigDecimal.class),
				Currency.getInstance(row.get("currency", String.class)), row.get("created_at", OffsetDateTime.class).toInstant());
	}

}
