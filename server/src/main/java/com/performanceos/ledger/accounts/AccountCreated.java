package com.performanceos.ledger.accounts;

import java.util.UUID;

import com.performanceos.platform.events.EventType;

/**
 * An account was added to a tenant's chart of accounts (accounts never change afterwards).
 *
 * @param accountKey the account's primary key
 * @param code its code, unique in the tenant
 * @param type its type
 * @param currency the ISO 4217 code of the currency it is kept in
 */
@EventType("ledger.AccountCreated")
public record AccountCreated(UUID accountKey, String code, AccountType type, String currency) {

	static AccountCreated of(Account account) {
		return new AccountCreated(account.key(), account.code(), account.type(), account.currency().getCurrencyCode());
	}

}
