package com.performanceos.rules.engine.expressions;

import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;

/**
 * The types an expression's inputs and result may have. There is no floating-point type: money
 * is {@link #MONEY}, an exact amount carried through CEL as a whole number of cents.
 */
public enum VariableType {

	BOOL(SimpleType.BOOL),
	INT(SimpleType.INT),
	STRING(SimpleType.STRING),
	/**
	 * An amount with at most two decimals ({@code 1234.50}); inside the expression it is an
	 * {@code int} of cents ({@code 123450}), so sums and comparisons are exact.
	 */
	MONEY(SimpleType.INT),
	STRING_LIST(ListType.create(SimpleType.STRING));

	private final CelType celType;

	VariableType(CelType celType) {
		this.celType = celType;
	}

	CelType celType() {
		return this.celType;
	}

}
