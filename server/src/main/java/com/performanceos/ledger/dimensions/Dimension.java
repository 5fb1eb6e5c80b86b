package com.performanceos.ledger.dimensions;

import java.time.Instant;
import java.util.UUID;

import com.performanceos.platform.graphql.GlobalId;

/**
 * An analytical axis of a tenant (e.g. {@code REGION}), whose members journal lines can carry.
 *
 * @param key the primary key
 * @param code the tenant-unique code
 * @param name the display name
 * @param createdAt when it was defined
 */
record Dimension(UUID key, String code, String name, Instant createdAt) {

	static final String TYPE_NAME = "Dimension";

	/** The global id of the {@code Node} interface. */
	public String id() {
		return GlobalId.encode(TYPE_NAME, key);
	}

}
