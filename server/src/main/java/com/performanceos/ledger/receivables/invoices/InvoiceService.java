package com.performanceos.ledger.receivables.invoices;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.performanceos.platform.audit.AuditEntry;
import com.performanceos.platform.audit.AuditTrail;
import com.performanceos.platform.events.Outbox;
import com.performanceos.platform.graphql.Connection;
import com.performanceos.platform.graphql.GlobalId;
import com.performanceos.platform.graphql.PageRequest;
import com.performanceos.platform.idempotency.IdempotencyKeys;
import com.performanceos.platform.mutations.Idempotency;
import com.performanceos.platform.mutations.Mutations;
import com.performanceos.platform.mutations.Outcome;
import com.performanceos.platform.security.Viewer;
import com.performanceos.platform.tenancy.TenantDatabase;
import com.performanceos.platform.tenancy.TenantTransaction;

/** Records invoices and payments (idempotent, audited, announced through the outbox) and reads them. */
@Service
class InvoiceService {

	private static final String CREATE_OPERATION = "ledger.createInvoice";

	private static final String PAYMENT_OPERATION = "ledger.recordPayment";

	private final TenantDatabase database;

	private final InvoiceStore store;

	private final Mutations mutations;

	private final AuditTrail auditTrail;

	private final Outbox outbox;

	InvoiceService(TenantDatabase database, InvoiceStore store, Mutations mutations, AuditTrail auditTrail,
			Outbox outbox) {
		this.database = database;
		this.store = store;
		this.mutations = mutations;
		this.auditTrail = auditTrail;
		this.outbox = outbox;
	}

	Mono<InvoicePayloads.Create> create(Viewer viewer, InvoiceInputs.CreateInput input, @Nullable String sourceAddress) {
		return Mutations.unlessInvalid(input.validate(), InvoicePayloads.Create::failed,
				() -> mutations.idempotent(viewer.tenant(), new Idempotency<>(CREATE_OPERATION, input.idempotencyKey(), input.fingerprint(),
						() -> new InvoicePayloads.Create(null, List.of(idempotencyConflict())),
						(tx, key) -> store.load(tx.db(), List.of(key)).map(found -> InvoicePayloads.Create.created(found.get(key)))),
						tx -> insert(tx, viewer, input, sourceAddress))
					// Two concurrent creations of one number: the loser's transaction has rolled back whole.
					.onErrorResume(DuplicateKeyException.class, ex -> Mono.just(InvoicePayloads.Create.failed(List.of(duplicate(input))))));
	}

	private Mono<Outcome<InvoicePayloads.Create>> insert(TenantTransaction tx, Viewer viewer, InvoiceInputs.CreateInput input,
			@Nullable String sourceAddress) {
		return store.numberTaken(tx.db(), input.kind(), input.number().strip()).flatMap(taken -> taken
				? Mono.just(Outcome.rejected(InvoicePayloads.Create.failed(List.of(duplicate(input)))))
				: store.insert(tx, input)
					.flatMap(invoice -> publishCreated(tx, viewer, List.of(invoice))
						.thenReturn(Outcome.committed(InvoicePayloads.Create.created(invoice), invoice.key(),
								createdAudit(viewer, invoice, sourceAddress)))));
	}

	/**
	 * What follows the creation of invoices, however they were created (one by {@code createInvoice},
	 * many by an import): an audit record each and their {@code InvoiceCreated} events.
	 */
	Mono<Void> announceCreated(TenantTransaction tx, Viewer viewer, List<Invoice> created, @Nullable String sourceAddress) {
		return Flux.fromIterable(created)
			.concatMap(invoice -> auditTrail.record(tx, createdAudit(viewer, invoice, sourceAddress)))
			.then(Mono.defer(() -> publishCreated(tx, viewer, created)));
	}

	private static AuditEntry createdAudit(Viewer viewer, Invoice invoice, @Nullable String sourceAddress) {
		return new AuditEntry(viewer.subject(), "ledger.invoice.created", Invoice.TYPE_NAME, invoice.id(), sourceAddress, null,
				image(invoice));
	}

	private Mono<Void> publishCreated(TenantTransaction tx, Viewer viewer, List<Invoice> created) {
		return outbox.publishAll(tx, created.stream()
			.map(invoice -> new Outbox.Occurred(invoice.createdAt(), InvoiceCreated.of(invoice)))
			.toList());
	}

	Mono<InvoicePayloads.Payment> recordPayment(Viewer viewer, InvoiceInputs.PaymentInput input, @Nullable String sourceAddress) {
		List<InvoiceError> invalid = input.validate();
		UUID invoiceKey = GlobalId.decode(input.invoiceId(), Invoice.TYPE_NAME).orElse(null);
		if (invoiceKey == null) {
			invalid = new ArrayList<>(invalid);
			invalid.add(InvoiceError.of(InvoiceError.Code.INVOICE_NOT_FOUND, "No invoice with this id", "invoiceId"));
		}
		return Mutations.unlessInvalid(invalid, InvoicePayloads.Payment::failed,
				() -> mutations.idempotent(viewer.tenant(), new Idempotency<>(PAYMENT_OPERATION, input.idempotencyKey(), input.fingerprint(),
						() -> new InvoicePayloads.Payment(null, null, List.of(idempotencyConflict())),
						(tx, paymentKey) -> store.loadPayments(tx.db(), List.of(paymentKey))
							.flatMap(payments -> store.load(tx.db(), List.of(invoiceKey))
								.map(invoices -> InvoicePayloads.Payment.recorded(payments.get(paymentKey), invoices.get(invoiceKey))))),
						tx -> store.lock(tx.db(), invoiceKey)
							.flatMap(invoice -> pay(tx, viewer, input, invoice, sourceAddress))
							.defaultIfEmpty(Outcome.rejected(paymentFailed(InvoiceError.Code.INVOICE_NOT_FOUND, "No invoice with this id",
									"invoiceId")))));
	}

	private Mono<Outcome<InvoicePayloads.Payment>> pay(TenantTransaction tx, Viewer viewer, InvoiceInputs.PaymentInput input,
			Invoice invoice, @Nullable String sourceAddress) {
		if (!invoice.currency().equals(input.currency())) {
			return Mono.just(Outcome.rejected(paymentFailed(InvoiceError.Code.CURRENCY_MISMATCH,
					"The invoice is in " + invoice.currency() + ", not " + input.currency(), "currency")));
		}
		if (input.paymentDate().isBefore(invoice.issueDate())) {
			return Mono.just(Outcome.rejected(InvoicePayloads.Payment.failed(List.of(InvoiceError.invalid("paymentDate",
					"paymentDate must not be before the invoice's issue date " + invoice.issueDate())))));
		}
		if (!invoice.accepts(input.amount())) {
			return Mono.just(Outcome.rejected(paymentFailed(InvoiceError.Code.OVERPAYMENT, "The payment would bring the total paid to "
					+ invoice.paidValue().add(input.amount()).toPlainString() + ", above the invoice amount of "
					+ invoice.amount().amount().toPlainString(), "amount")));
		}
		UUID paymentKey = UUID.randomUUID();
		return store.paymentCount(tx.db(), invoice.key()).flatMap(count -> count >= InvoiceStore.PAYMENTS_PER_INVOICE_MAX
				? Mono.just(Outcome.rejected(paymentFailed(InvoiceError.Code.TOO_MANY_PAYMENTS,
						"An invoice carries at most " + InvoiceStore.PAYMENTS_PER_INVOICE_MAX + " payments", "invoiceId")))
				: store.insertPayment(tx, paymentKey, invoice, input.paymentDate(), input.amount())
					.flatMap(updated -> recorded(tx, viewer, invoice, updated, paymentKey, sourceAddress)));
	}

	private Mono<Outcome<InvoicePayloads.Payment>> recorded(TenantTransaction tx, Viewer viewer, Invoice invoice, Invoice updated,
			UUID paymentKey, @Nullable String sourceAddress) {
		return store.loadPayments(tx.db(), List.of(paymentKey)).flatMap(payments -> {
				InvoicePayment payment = payments.get(paymentKey);
				InvoicePaymentRecorded recorded = InvoicePaymentRecorded.of(payment, invoice, updated);
				Map<String, Object> image = new LinkedHashMap<>();
				image.put("id", recorded.id());
				image.put("invoiceId", recorded.invoiceId());
				image.put("paymentDate", recorded.paymentDate());
				image.put("amount", recorded.amount());
				image.put("currency", recorded.currency());
				image.put("invoicePaidAmount", recorded.invoicePaidAmount());
				image.put("invoiceStatus", recorded.invoiceStatus());
				return outbox.publish(tx, payment.createdAt(), recorded)
					.thenReturn(Outcome.committed(InvoicePayloads.Payment.recorded(payment, updated), paymentKey,
							new AuditEntry(viewer.subject(), "ledger.invoice.payment.recorded", InvoicePayment.TYPE_NAME, payment.id(),
									sourceAddress, image(invoice), image)));
			});
	}

	Mono<Connection<Invoice>> list(Viewer viewer, InvoiceStore.Filter filter, PageRequest page) {
		return database.inTransaction(viewer.tenant(), db -> store.page(db, filter, page.cursorKey(), page.size()))
			.map(rows -> Connection.fromKeyset(page, rows.rows(), InvoiceStore.Cursor::of, rows.totalCount()));
	}

	Mono<Map<UUID, Invoice>> load(Viewer viewer, Collection<UUID> keys) {
		return database.inTransaction(viewer.tenant(), db -> store.load(db, keys));
	}

	Mono<Map<UUID, InvoicePayment>> loadPayments(Viewer viewer, Collection<UUID> keys) {
		return database.inTransaction(viewer.tenant(), db -> store.loadPayments(db, keys));
	}

	Mono<Map<UUID, List<InvoicePayment>>> paymentsOf(Viewer viewer, Collection<UUID> invoiceKeys) {
		return database.inTransaction(viewer.tenant(), db -> store.paymentsOf(db, invoiceKeys));
	}

	private static Map<String, Object> image(Invoice invoice) {
		Map<String, Object> image = new LinkedHashMap<>();
		image.put("id", invoice.id());
		image.put("kind", invoice.kind().name());
		image.put("number", invoice.number());
		image.put("counterpartyCode", invoice.counterpartyCode());
		image.put("counterpartyName", invoice.counterpartyName());
		image.put("region", invoice.region());
		image.put("issueDate", invoice.issueDate().toString());
		image.put("dueDate", invoice.dueDate().toString());
		image.put("amount", invoice.amount().amount().toPlainString());
		image.put("paidAmount", invoice.paidAmount().amount().toPlainString());
		image.put("currency", invoice.currency().getCurrencyCode());
		return image;
	}

	private static InvoicePayloads.Payment paymentFailed(InvoiceError.Code code, String message, String field) {
		return InvoicePayloads.Payment.failed(List.of(InvoiceError.of(code, message, field)));
	}

	private static InvoiceError idempotencyConflict() {
		return InvoiceError.of(InvoiceError.Code.IDEMPOTENCY_CONFLICT,
				IdempotencyKeys.CONFLICT_MESSAGE, "idempotencyKey");
	}

	private static InvoiceError duplicate(InvoiceInputs.CreateInput input) {
		return InvoiceError.of(InvoiceError.Code.DUPLICATE_INVOICE_NUMBER,
				"A " + input.kind().name().toLowerCase(Locale.ROOT) + " invoice numbered " + input.number().strip()
						+ " already exists", "number");
	}

}
