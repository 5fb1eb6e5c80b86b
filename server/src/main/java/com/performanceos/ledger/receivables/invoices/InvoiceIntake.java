package com.performanceos.ledger.receivables.invoices;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Currency;
import java.util.List;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.performanceos.platform.security.Viewer;
import com.performanceos.platform.tenancy.TenantTransaction;

/**
 * Invoices that arrive in bulk (invoice files), recorded as {@code createInvoice} records one: the
 * same checks, the same table (so aging, working capital and escalation rules see them alike), an
 * audit record and an {@code InvoiceCreated} event each. Everything runs inside the caller's tenant
 * transaction, so a caller applying a whole file commits or rolls back all of it.
 */
@Component
public final class InvoiceIntake {

	private final InvoiceStore store;

	private final InvoiceService invoices;

	InvoiceIntake(InvoiceStore store, InvoiceService invoices) {
		this.store = store;
		this.invoices = invoices;
	}

	/** An invoice to record, as {@code CreateInvoiceInput} describes it without its idempotency key. */
	public record NewInvoice(InvoiceKind kind, String number, String counterpartyCode, String counterpartyName, String region,
			LocalDate issueDate, LocalDate dueDate, BigDecimal amount, Currency currency) {

		public Key key() {
			return new Key(kind, number.strip());
		}

	}

	/** What makes an invoice unique in a tenant. */
	public record Key(InvoiceKind kind, String number) {
	}

	/**
	 * Why an invoice cannot be recorded.
	 *
	 * @param field the {@code CreateInvoiceInput} field at fault ({@code number}, {@code counterpartyCode},
	 *        {@code counterpartyName}, {@code region}, {@code dueDate} or {@code amount})
	 * @param message an explanation in English
	 */
	public record Problem(String field, String message) {
	}

	/** The checks {@code createInvoice} makes before touching the database; empty when the invoice passes. */
	public static List<Problem> check(NewInvoice invoice) {
		return InvoiceInputs.checkInvoice(invoice.number(), invoice.counterpartyCode(), invoice.counterpartyName(), invoice.region(),
				invoice.issueDate(), invoice.dueDate(), invoice.amount())
			.stream()
			.map(error -> new Problem(error.field() == null ? "" : error.field().get(error.field().size() - 1), error.message()))
			.toList();
	}

	/** The keys among {@code keys} already taken, by created or imported invoices; must run inside the tenant's transaction. */
	public Flux<Key> existing(TenantTransaction tx, Collection<Key> keys) {
		return keys.isEmpty() ? Flux.empty() : store.taken(tx.db(), keys);
	}

	/**
	 * Records invoices that passed {@link #check} and returns those recorded. One whose number was
	 * taken meanwhile is left out: the caller compares and, to stay all-or-nothing, fails.
	 */
	public Mono<List<Invoice>> create(TenantTransaction tx, Viewer viewer, List<NewInvoice> toCreate) {
		if (toCreate.isEmpty()) {
			return Mono.just(List.of());
		}
		return store.insertAll(tx, toCreate)
			.flatMap(created -> invoices.announceCreated(tx, viewer, created, null).thenReturn(created));
	}

}
