package com.performanceos.ledger.receivables.invoices;

/** Which side of the business an invoice is on; mirrors the schema's {@code InvoiceKind}. */
public enum InvoiceKind {

	/** Issued to a customer: a receivable. */
	CUSTOMER,
	/** Received from a supplier: a payable. */
	SUPPLIER

}
