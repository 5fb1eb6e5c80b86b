package com.performanceos.ledger.receivables.invoices;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** The invoice mutations' payloads, as bound to the schema. */
final class InvoicePayloads {

	private InvoicePayloads() {
	}

	/** {@code CreateInvoicePayload}. */
	record Create(@Nullable Invoice invoice, List<InvoiceError> userErrors) {

		static Create created(Invoice invoice) {
			return new Create(invoice, List.of());
		}

		static Create failed(List<InvoiceError> errors) {
			return new Create(null, errors);
		}

	}

	/** {@code RecordPaymentPayload}. */
	record Payment(@Nullable InvoicePayment payment, @Nullable Invoice invoice, List<InvoiceError> userErrors) {

		static Payment recorded(InvoicePayment payment, Invoice invoice) {
			return new Payment(payment, invoice, List.of());
		}

		static Payment failed(List<InvoiceError> errors) {
			return new Payment(null, null, errors);
		}

	}

}
