package com.performanceos.ledger.receivables.invoices;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import com.performanceos.platform.tenancy.TenantTransaction;

/**
 * The invoices past due with money still open as of a date, in keyset pages of due date and key,
 * for the escalation rules. Open amounts deduct the payments dated on or before the date, as the
 * aging report does, so a run for a past date sees the books of that date.
 */
@Component
public final class OverdueInvoices {

	/** The position of the last invoice of the previous page. */
	public record Cursor(LocalDate dueDate, UUID key) {
	}

	/**
	 * An invoice past due on the date.
	 *
	 * @param daysOverdue days between the due date and the date, at least one
	 * @param openAmount the amount minus the payments dated on or before the date, positive
	 * @param currency the ISO 4217 code
	 */
	public record Overdue(UUID key, InvoiceKind kind, String currency, LocalDate dueDate, int daysOverdue, BigDecimal openAmount) {

		/** Where the next page starts. */
		public Cursor cursor() {
			return new Cursor(dueDate, key);
		}

	}

	/** The invoices issued by {@code asOf} and due before it with an open amount, after the cursor: at most {@code size}. */
	public Mono<List<Overdue>> page(TenantTransaction tx, LocalDate asOf, @Nullable Cursor after, int size) {
		var select = tx.db().sql("""
				SELECT id, kind, currency::text AS currency, due_date, days_overdue, open_amount FROM (
				  SELECT i.id, i.kind, i.currency, i.due_date, CAST(:asOf AS date) - i.due_date AS days_overdue,
				         i.amount - coalesce((SELECT sum(p.amount) FROM ledger_invoice_payment p
				                              WHERE p.invoice_id = i.id AND p.payment_date <= CAST(:asOf AS date)), 0) AS open_amount
				  FROM ledger_invoice i
				  WHERE i.issue_date <= CAST(:asOf AS date) AND i.due_date < CAST(:asOf AS date)
				""" + (after == null ? "" : "    AND (i.due_date, i.id) > (CAST(:afterDue AS date), :afterKey)\n") + """
				) overdue
				WHERE open_amount > 0
				ORDER BY due_date, id LIMIT :limit""")
			.bind("asOf", asOf)
			.bind("limit", size);
		if (after != null) {
			select = select.bind("afterDue", after.dueDate()).bind("afterKey", after.key());
		}
		return select.map(row -> new Overdue(row.get("id", UUID.class), InvoiceKind.valueOf(row.get("kind", String.class)),
				row.get("currency", String.class), row.get("due_date", LocalDate.class), row.get("days_overdue", Integer.class),
				row.get("open_amount", BigDecimal.class)))
			.all()
			.collectList();
	}

}
