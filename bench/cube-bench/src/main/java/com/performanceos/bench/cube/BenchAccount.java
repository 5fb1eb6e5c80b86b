package com.performanceos.bench.cube;

import java.util.Objects;
import java.util.UUID;

/**
 * A pivot account created through GraphQL, as the fact rows reference it.
 *
 * @param code the account code
 * @param key the account's primary key (the UUID inside its global id), the facts' {@code account_key}
 * @param currency the ISO 4217 code the account is kept in
 */
record BenchAccount(String code, UUID key, String currency) {

	BenchAccount {
		Objects.requireNonNull(code, "code");
		Objects.requireNonNull(key, "key");
		if (!currency.matches("[A-Z]{3}")) {
			throw new IllegalArgumentException("Not a currency code: " + currency);
		}
	}

	/** The tab-separated line of the accounts file: code, key, currency. */
	String toLine() {
		return code + "\t" + key + "\t" + currency;
	}

	static BenchAccount parse(String line) {
		String[] fields = line.split("\t", -1);
		if (fields.length != 3) {
			throw new IllegalArgumentException("Not an accounts-file line: " + line);
		}
		return new BenchAccount(fields[0], UUID.fromString(fields[1]), fields[2]);
	}

}
