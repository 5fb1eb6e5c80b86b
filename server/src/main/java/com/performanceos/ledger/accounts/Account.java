package com.performanceos.ledger.accounts;

import java.time.Instant;
import java.util.Currency;
import java.util.UUID;

import com.performanceos.platform.graphql.GlobalId;

/**
 * A pivot account of a tenant's chart of accounts.
 *
 * @param key the primary key
 * @param code the tenant-unique code
 * @param name the display name
 * @param type the account type
 * @param currency the currency the account is kept in
 * @param createdAt when it was created
 */
public record Account(UUID key, String code, String name, AccountType type, Currency currency, Instant createdAt) {

	static final String TYPE_NAME = "Account";

	/** The global id of the {@code Node} interface. */
	public String id() {
		return GlobalId.encode(TYPE_NAME, key);
	}

}
