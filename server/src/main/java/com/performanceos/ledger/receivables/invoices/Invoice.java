package com.performanceos.ledger.receivables.invoices;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.UUID;

import com.performanceos.platform.graphql.GlobalId;
import com.performanceos.platform.graphql.Money;

/**
 * A customer or supplier invoice with the total of its payments. The paid amount never exceeds the
 * amount: {@link #accepts(BigDecimal)} is the check every payment goes through.
 *
 * @param key the primary key
 * @param kind customer or supplier
 * @param number unique within the tenant for its kind
 * @param counterpartyCode the counterparty's code
 * @param counterpartyName the counterparty's name
 * @param region the region
 * @param issueDate the issue date
 * @param dueDate the due date, never before the issue date
 * @param amountValue the invoiced amount, positive
 * @param paidValue the sum of the payments
 * @param currency the currency of every amount
 * @param createdAt when it was recorded
 */
public record Invoice(UUID key, InvoiceKind kind, String number, String counterpartyCode, String counterpartyName,
		String region, LocalDate issueDate, LocalDate dueDate, BigDecimal amountValue, BigDecimal paidValue,
		Currency currency, Instant createdAt) {

	static final String TYPE_NAME = "Invoice";

	public Invoice {
		if (dueDate.isBefore(issueDate)) {
			throw new IllegalArgumentException("due date before issue date on invoice " + number);
		}
		if (amountValue.signum() <= 0 || paidValue.signum() < 0 || paidValue.compareTo(amountValue) > 0) {
			throw new IllegalArgumentException("paid amount outside 0.." + amountValue + " on invoice " + number);
		}
	}

	/** The global id of the {@code Node} interface. */
	public String id() {
		return GlobalId.encode(TYPE_NAME, key);
	}

	public Money amount() {
		return new Money(Amounts.normalize(amountValue), currency);
	}

	public Money paidAmount() {
		return new Money(Amounts.normalize(paidValue), currency);
	}

	public Money openAmount() {
		return new Money(Amounts.normalize(amountValue.subtract(paidValue)), currency);
	}

	public InvoiceStatus status() {
		return InvoiceStatus.of(amountValue, paidValue);
	}

	/** Whether a further payment of this amount keeps the total paid within the amount. */
	boolean accepts(BigDecimal payment) {
		return payment.signum() > 0 && paidValue.add(payment).compareTo(amountValue) <= 0;
	}

	/** The GraphQL type name, for decoding invoice ids elsewhere in the module. */
	public static String typeName() {
		return TYPE_NAME;
	}

}
