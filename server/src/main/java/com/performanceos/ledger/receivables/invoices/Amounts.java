package com.performanceos.ledger.receivables.invoices;

import java.math.BigDecimal;

/**
 * Presentation of stored amounts: {@code numeric(38,6)} columns come back with six decimals, which
 * clients would have to strip; amounts are shown with their significant decimals, at least two.
 */
public final class Amounts {

	/** Most decimals an input amount may carry (the columns' scale). */
	public static final int SCALE_MAX = 6;

	private static final int SCALE_MIN = 2;

	private Amounts() {
	}

	public static BigDecimal normalize(BigDecimal amount) {
		BigDecimal stripped = amount.stripTrailingZeros();
		return stripped.scale() < SCALE_MIN ? stripped.setScale(SCALE_MIN) : stripped;
	}

}
