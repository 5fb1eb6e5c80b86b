package com.performanceos.ledger.bank;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.UUID;

import com.performanceos.platform.events.EventType;
import com.performanceos.platform.graphql.Money;

/**
 * Bank transactions were stored on one bank account (a webhook delivery, a poll, a statement
 * import), changing its cash position.
 *
 * @param bankAccountKey the bank account's primary key
 * @param transactionCount how many transactions were stored
 * @param netChange the sum of their signed amounts, as a plain decimal
 * @param currency the ISO 4217 code of the account's currency
 */
@EventType("ledger.CashPositionChanged")
public record CashPositionChanged(UUID bankAccountKey, int transactionCount, String netChange, String currency) {

	/** The net change as money. */
	Money net() {
		return new Money(new BigDecimal(netChange), Currency.getInstance(currency));
	}

}
