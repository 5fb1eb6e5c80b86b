package com.performanceos.ledger.receivables.invoices;

import java.math.BigDecimal;

/** Where an invoice stands in its payment; mirrors the schema's {@code InvoiceStatus}. */
public enum InvoiceStatus {

	OPEN, PARTIALLY_PAID, PAID;

	static InvoiceStatus of(BigDecimal amount, BigDecimal paid) {
		if (paid.signum() == 0) {
			return OPEN;
		}
		return paid.compareTo(amount) >= 0 ? PAID : PARTIALLY_PAID;
	}

	/** The SQL condition on {@code ledger_invoice} columns selecting invoices in this status. */
	String condition() {
		return switch (this) {
			case OPEN -> "paid_amount = 0";
			case PARTIALLY_PAID -> "paid_amount > 0 AND paid_amount < amount";
			case PAID -> "paid_amount = amount";
		};
	}

}
