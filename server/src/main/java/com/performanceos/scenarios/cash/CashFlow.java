package com.performanceos.scenarios.cash;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One projected cash movement in the reporting currency: positive in, negative out, rounded to cents.
 */
public record CashFlow(LocalDate date, BigDecimal amount, SourceReference source) {

	public CashCategory category() {
		return source.category();
	}

}
