package com.performanceos.ledger.receivables.invoices;

import com.performanceos.platform.events.EventType;

/**
 * An invoice was recorded, by {@code createInvoice} or an import. Amounts are plain decimal strings
 * and dates ISO days, as sinks outside this code base read them.
 *
 * @param id the invoice's global id
 * @param kind RECEIVABLE or PAYABLE
 * @param number its number, unique per kind in the tenant
 * @param counterpartyCode the customer's or supplier's code
 * @param counterpartyName the customer's or supplier's name
 * @param region the sales region
 * @param issueDate the day it was issued
 * @param dueDate the day it falls due
 * @param amount its amount
 * @param paidAmount what was paid when it was recorded
 * @param currency the ISO 4217 code of its currency
 */
@EventType("ledger.InvoiceCreated")
public record InvoiceCreated(String id, String kind, String number, String counterpartyCode, String counterpartyName, String region,
		String issueDate, String dueDate, String amount, String paidAmount, String currency) {

	static InvoiceCreated of(Invoice invoice) {
		return new InvoiceCreated(invoice.id(), invoice.kind().name(), invoice.number(), invoice.counterpartyCode(),
				invoice.counterpartyName(), invoice.region(), invoice.issueDate().toString(), invoice.dueDate().toString(),
				invoice.amount().amount().toPlainString(), invoice.paidAmount().amount().toPlainString(),
				invoice.currency().getCurrencyCode());
	}

}
