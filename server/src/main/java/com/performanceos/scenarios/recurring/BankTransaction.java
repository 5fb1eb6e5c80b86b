package com.performanceos.scenarios.recurring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One booked bank transaction as the ledger publishes it: positive amount in, negative out.
 *
 * @param id the ledger's identifier, kept so a detected series can show the transactions behind it
 */
public record BankTransaction(String id, LocalDate bookedOn, BigDecimal amount, String currency, String counterparty) {

	public BankTransaction {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(bookedOn, "bookedOn");
		Objects.requireNonNull(amount, "amount");
		Objects.requireNonNull(currency, "currency");
		Objects.requireNonNull(counterparty, "counterparty");
	}

}
