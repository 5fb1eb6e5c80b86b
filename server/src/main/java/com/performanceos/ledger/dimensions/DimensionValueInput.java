package com.performanceos.ledger.dimensions;

import java.util.Objects;

/**
 * The schema's {@code DimensionValueInput}: a dimension value named by codes, as clients write
 * it on journal lines and balance slices.
 *
 * @param dimension the dimension's code, e.g. {@code REGION}
 * @param member the member's code within the dimension, e.g. {@code IDF}
 */
public record DimensionValueInput(String dimension, String member) {

	public DimensionValueInput {
		Objects.requireNonNull(dimension, "dimension");
		Objects.requireNonNull(member, "member");
	}

}
