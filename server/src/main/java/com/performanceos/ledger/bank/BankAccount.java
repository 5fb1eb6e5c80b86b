package com.performanceos.ledger.bank;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.performanceos.platform.graphql.GlobalId;
import com.performanceos.platform.graphql.Money;
import com.performanceos.platform.privacy.Iban;

/**
 * A bank account, decrypted for one request. The clear IBAN is deliberately not named {@code iban}:
 * the schema's {@code iban} field is resolved by the controller, which masks it by role.
 *
 * @param key the primary key
 * @param name the display name
 * @param bankName the bank keeping it
 * @param entity the owning entity code
 * @param currency the account's currency
 * @param clearIban the decrypted IBAN (its {@code toString} is masked)
 * @param ledgerAccountKey the pivot account it posts to
 * @param openingAmount the balance at the start of the opening date
 * @param openingDate the date of the opening balance
 * @param externalId the aggregator's id of the account
 * @param createdAt when it was created
 */
record BankAccount(UUID key, String name, String bankName, String entity, Currency currency, Iban clearIban,
		UUID ledgerAccountKey, BigDecimal openingAmount, LocalDate openingDate, @Nullable String externalId, Instant createdAt) {

	static final String TYPE_NAME = "BankAccount";

	/** The global id of the {@code Node} interface. */
	public String id() {
		return GlobalId.encode(TYPE_NAME, key);
	}

	/** The schema's {@code openingBalance}. */
	public Money openingBalance() {
		return new Money(openingAmount, currency);
	}

}
