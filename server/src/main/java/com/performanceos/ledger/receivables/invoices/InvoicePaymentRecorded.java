package com.performanceos.ledger.receivables.invoices;

import com.performanceos.platform.events.EventType;

/**
 * A payment was recorded against an invoice.
 *
 * @param id the payment's global id
 * @param invoiceId the invoice's global id
 * @param paymentDate the day it was paid
 * @param amount the amount paid, a plain decimal string
 * @param currency the ISO 4217 code of its currency
 * @param invoicePaidAmount what the invoice has received in all since
 * @param invoiceStatus the invoice's status since
 */
@EventType("ledger.InvoicePaymentRecorded")
public record InvoicePaymentRecorded(String id, String invoiceId, String paymentDate, String amount, String currency,
		String invoicePaidAmount, String invoiceStatus) {

	static InvoicePaymentRecorded of(InvoicePayment payment, Invoice invoice, Invoice updated) {
		return new InvoicePaymentRecorded(payment.id(), invoice.id(), payment.paymentDate().toString(), payment.amount().amount().toPlainString(),
				payment.currency().getCurrencyCode(), updated.paidAmount().amount().toPlainString(), updated.status().name());
	}

}
