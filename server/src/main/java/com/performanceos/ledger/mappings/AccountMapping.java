package com.performanceos.ledger.mappings;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.performanceos.platform.graphql.GlobalId;

/**
 * An account code of a source chart mapped to a pivot account.
 *
 * @param key the primary key
 * @param source the source chart, upper-case (e.g. {@code SAGE})
 * @param sourceCode the code in the source chart, unique per source within the tenant
 * @param label the source chart's label of the account
 * @param accountKey the pivot account's primary key
 * @param createdAt when the mapping was made
 */
record AccountMapping(UUID key, String source, String sourceCode, @Nullable String label, UUID accountKey, Instant createdAt) {

	static final String TYPE_NAME = "AccountMapping";

	/** The global id of the {@code Node} interface. */
	public String id() {
		return GlobalId.encode(TYPE_NAME, key);
	}

	/** The keyset position: source, then source code (a unit separator cannot occur in either). */
	String cursorKey() {
		return source + '\u001f' + sourceCode;
	}

}
