package com.performanceos.ledger.receivables.invoices;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.UUID;

import com.performanceos.platform.graphql.GlobalId;
import com.performanceos.platform.graphql.Money;

/**
 * A payment recorded against an invoice.
 *
 * @param key the primary key
 * @param invoiceKey the invoice paid
 * @param paymentDate the date it was made
 * @param amountValue the amount, positive
 * @param currency the invoice's currency
 * @param createdAt when it was recorded
 */
record InvoicePayment(UUID key, UUID invoiceKey, LocalDate paymentDate, BigDecimal amountValue, Currency currency,
		Instant createdAt) {

	static final String TYPE_NAME = "InvoicePayment";

	InvoicePayment {
		if (amountValue.signum() <= 0) {
			throw new IllegalArgumentException("a payment is positive");
		}
	}

	public String id() {
		return GlobalId.encode(TYPE_NAME, key);
	}

	public Money amount() {
		return new Money(Amounts.normalize(amountValue), currency);
	}

}
