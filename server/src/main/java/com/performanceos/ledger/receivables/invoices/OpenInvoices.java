package com.performanceos.ledger.receivables.invoices;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import com.performanceos.platform.tenancy.TenantTransaction;

/**
 * The ledger's published read of open invoices and customers' payment behaviour, for the cash
 * forecast of the scenarios module (ADR 0007: part of the ledger's published API). Reads run in the
 * caller's tenant transaction, so a forecast sees one consistent state of the books.
 */
@Component
public final class OpenInvoices {

	/**
	 * Most open invoices of one kind a read returns: the scenarios benchmark's 100,000 with room to spare.
	 * A tenant above it gets an error rather than a forecast silently missing invoices.
	 */
	public static final int OPEN_INVOICES_MAX = 250_000;

	/**
	 * An invoice with money still to receive (customer) or to pay (supplier).
	 *
	 * @param openAmount the amount minus the payments, positive
	 */
	public record Item(UUID key, String number, String counterpartyCode, LocalDate issueDate, LocalDate dueDate,
			BigDecimal openAmount, String currency) {
	}

	/**
	 * Open invoices of the kind as known on {@code knownOn}: recorded before the end of that day, with
	 * the payments dated on or before it deducted. The current state when {@code knownOn} is today.
	 */
	public Mono<List<Item>> open(TenantTransaction tx, boolean customers, LocalDate knownOn) {
		return tx.db().sql("""
				SELECT i.id, i.number, i.counterparty_code, i.issue_date, i.due_date, i.currency,
				       i.amount - coalesce((SELECT sum(p.amount) FROM ledger_invoice_payment p
				                            WHERE p.invoice_id = i.id AND p.payment_date <= :knownOn), 0) AS open_amount
				FROM ledger_invoice i
				WHERE i.kind = :kind AND i.issue_date <= :knownOn
				ORDER BY i.due_date, i.id LIMIT :limit""")
			.bind("kind", customers ? InvoiceKind.CUSTOMER.name() : InvoiceKind.SUPPLIER.name())
			.bind("knownOn", knownOn)
			.bind("limit", OPEN_INVOICES_MAX + 1)
			.map(row -> new Item(row.get("id", UUID.class), row.get("number", String.class),
					row.get("counterparty_code", String.class), row.get("issue_date", LocalDate.class),
					row.get("due_date", LocalDate.class), row.get("open_amount", BigDecimal.class), row.get("currency", String.class)))
			.all()
			.filter(item -> item.openAmount().signum() > 0)
			.collectList()
			.doOnNext(items -> {
				if (items.size() > OPEN_INVOICES_MAX) {
					throw new IllegalStateException("more than " + OPEN_INVOICES_MAX + " open invoices");
				}
			});
	}

	/**
	 * Each customer's observed payment delay, in whole days after the due date (negative when early): the
	 * average over its payments dated on or before {@code knownOn}, rounded half away from zero. Customers
	 * without a payment are absent; the forecast applies its own fallback to them.
	 */
	public Mono<Map<String, Integer>> customerDelayDays(TenantTransaction tx, LocalDate knownOn) {
		return tx.db().sql("""
				SELECT i.counterparty_code, round(avg(p.payment_date - i.due_date))::int AS delay
				FROM ledger_invoice_payment p JOIN ledger_invoice i ON i.id = p.invoice_id
				WHERE i.kind = 'CUSTOMER' AND p.payment_date <= :knownOn
				GROUP BY i.counterparty_code""")
			.bind("knownOn", knownOn)
			.map(row -> Map.entry(row.get("counterparty_code", String.class), row.get("delay", Integer.class)))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue, TreeMap::new)
			.map(Map::copyOf);
	}

	/**
	 * Customer invoicing per issue day from {@code from} to {@code to} inclusive, in one currency: the
	 * history of the revenue run-rate. Days without an invoice are absent.
	 */
	public Mono<Map<LocalDate, BigDecimal>> invoicedPerDay(TenantTransaction tx, String currency, LocalDate from, LocalDate to) {
		return tx.db().sql("""
				SELECT issue_date, sum(amount) AS total FROM ledger_invoice
				WHERE kind = 'CUSTOMER' AND currency = :currency AND issue_date BETWEEN :from AND :to
				GROUP BY issue_date""")
			.bind("currency", currency)
			.bind("from", from)
			.bind("to", to)
			.map(row -> Map.entry(row.get("issue_date", LocalDate.class), row.get("total", BigDecimal.class)))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue, TreeMap::new)
			.map(Map::copyOf);
	}

	/**
	 * What each customer was invoiced from {@code from} to {@code to} inclusive (issue dates), in one
	 * currency, as recorded before the end of {@code to}: the denominator of a DSO. Customers without an
	 * invoice are absent.
	 */
	public Mono<Map<String, BigDecimal>> invoicedPerCustomer(TenantTransaction tx, String currency, LocalDate from, LocalDate to) {
		return tx.db().sql("""
				SELECT counterparty_code, sum(amount) AS total FROM ledger_invoice
				WHERE kind = 'CUSTOMER' AND currency = :currency AND issue_date BETWEEN :from AND :to
				GROUP BY counterparty_code""")
			.bind("currency", currency)
			.bind("from", from)
			.bind("to", to)
			.map(row -> Map.entry(row.get("counterparty_code", String.class), row.get("total", BigDecimal.class)))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue, TreeMap::new)
			.map(Map::copyOf);
	}

}
