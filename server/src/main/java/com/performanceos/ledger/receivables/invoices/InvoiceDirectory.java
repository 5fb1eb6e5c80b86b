package com.performanceos.ledger.receivables.invoices;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Currency;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import com.performanceos.platform.security.Viewer;
import com.performanceos.platform.tenancy.TenantTransaction;

/** Invoices for the rest of the receivables module (escalation tasks, working capital), which never reads their tables. */
@Component
public final class InvoiceDirectory {

	private final InvoiceService invoices;

	private final InvoiceStore store;

	InvoiceDirectory(InvoiceService invoices, InvoiceStore store) {
		this.invoices = invoices;
		this.store = store;
	}

	/** The invoices of the viewer's tenant with these keys; unknown keys are absent. */
	public Mono<Map<UUID, Invoice>> load(Viewer viewer, Collection<UUID> keys) {
		return invoices.load(viewer, keys);
	}

	/**
	 * The invoice totals of one currency for the period {@code start..end} (both included): open
	 * amounts as of the end (payments up to the end deducted) and amounts issued within the period.
	 */
	public Mono<InvoiceTotals> totals(TenantTransaction tx, Currency currency, LocalDate start, LocalDate end) {
		return tx.db().sql("""
				WITH invoice AS (
				  SELECT i.kind, i.issue_date, i.amount, i.amount - coalesce(p.paid, 0) AS open_amount
				  FROM ledger_invoice i
				  LEFT JOIN (SELECT invoice_id, sum(amount) AS paid FROM ledger_invoice_payment
				             WHERE payment_date <= CAST(:end AS date) GROUP BY invoice_id) p ON p.invoice_id = i.id
				  WHERE i.currency = :currency AND i.issue_date <= CAST(:end AS date)
				)
				SELECT
				  (SELECT coalesce(sum(open_amount), 0) FROM invoice WHERE kind = 'CUSTOMER') AS receivables,
				  (SELECT coalesce(sum(amount), 0) FROM invoice WHERE kind = 'CUSTOMER' AND issue_date >= CAST(:start AS date)) AS credit_sales,
				  (SELECT coalesce(sum(open_amount), 0) FROM invoice WHERE kind = 'SUPPLIER') AS payables,
				  (SELECT coalesce(sum(amount), 0) FROM invoice WHERE kind = 'SUPPLIER' AND issue_date >= CAST(:start AS date)) AS purchases""")
			.bind("end", end)
			.bind("start", start)
			.bind("currency", currency.getCurrencyCode())
			.map(row -> new InvoiceTotals(row.get("receivables", BigDecimal.class), row.get("credit_sales", BigDecimal.class),
					row.get("payables", BigDecimal.class), row.get("purchases", BigDecimal.class)))
			.one();
	}

	/** The invoices with these keys, read in the caller's open transaction; unknown keys are absent. */
	public Mono<Map<UUID, Invoice>> loadWithin(TenantTransaction tx, Collection<UUID> keys) {
		return store.load(tx.db(), keys);
	}

}
