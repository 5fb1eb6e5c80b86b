package com.performanceos.ledger.dimensions;

import java.time.Instant;
import java.util.UUID;

import com.performanceos.platform.graphql.GlobalId;

/**
 * One value of a dimension (e.g. {@code IDF} of {@code REGION}).
 *
 * @param key the primary key
 * @param dimensionKey the dimension it belongs to
 * @param code the code, unique within its dimension
 * @param name the display name
 * @param createdAt when it was defined
 */
record DimensionMember(UUID key, UUID dimensionKey, String code, String name, Instant createdAt) {

	static final String TYPE_NAME = "DimensionMember";

	/** The global id of the {@code Node} interface. */
	public String id() {
		return GlobalId.encode(TYPE_NAME, key);
	}

}
