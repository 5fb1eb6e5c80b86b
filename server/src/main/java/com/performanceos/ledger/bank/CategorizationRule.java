package com.performanceos.ledger.bank;

import java.time.Instant;
import java.util.Currency;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.performanceos.platform.graphql.GlobalId;

/**
 * A categorisation rule: patterns on counterparty and/or label, a priority, and the pivot account
 * matched transactions post to.
 *
 * @param key the primary key
 * @param name a name for people
 * @param counterpartyPattern the pattern on the counterparty, if any
 * @param labelPattern the pattern on the label, if any
 * @param priority lower runs first
 * @param accountKey the pivot account
 * @param accountCurrency the pivot account's currency: the rule only applies to transactions in it
 * @param createdAt when it was created
 */
record CategorizationRule(UUID key, String name, @Nullable String counterpartyPattern, @Nullable String labelPattern,
		int priority, UUID accountKey, Currency accountCurrency, Instant createdAt) {

	static final String TYPE_NAME = "CategorizationRule";

	public String id() {
		return GlobalId.encode(TYPE_NAME, key);
	}

	/** Whether every pattern the rule has matches, and the transaction is in the account's currency. */
	boolean matches(String counterparty, String label, Currency currency) {
		if (!currency.equals(accountCurrency)) {
			return false;
		}
		boolean counterpartyMatches = counterpartyPattern == null || new TextPattern(counterpartyPattern).matches(counterparty);
		boolean labelMatches = labelPattern == null || new TextPattern(labelPattern).matches(label);
		return counterpartyMatches && labelMatches;
	}

}
