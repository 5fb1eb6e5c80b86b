package com.performanceos.ledger.dimensions;

import java.util.Objects;
import java.util.UUID;

/**
 * A resolved dimension value of a journal line: the dimension and the member, by key and by code.
 *
 * @param dimensionKey the dimension's primary key
 * @param dimensionCode the dimension's code
 * @param memberKey the member's primary key
 * @param memberCode the member's code
 */
public record DimensionValue(UUID dimensionKey, String dimensionCode, UUID memberKey, String memberCode) {

	public DimensionValue {
		Objects.requireNonNull(dimensionKey, "dimensionKey");
		Objects.requireNonNull(dimensionCode, "dimensionCode");
		Objects.requireNonNull(memberKey, "memberKey");
		Objects.requireNonNull(memberCode, "memberCode");
	}

	/** The codes, as a client names this value. */
	public DimensionValueInput codes() {
		return new DimensionValueInput(dimensionCode, memberCode);
	}

}
