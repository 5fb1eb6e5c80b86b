package com.performanceos.scenarios.cash;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One day or one week of the forecast.
 *
 * @param inflows positive totals per category (only categories with money in)
 * @param outflows positive totals of money out per category
 * @param flows every movement behind the totals, for drill-down
 */
public record Bucket(LocalDate start, LocalDate end, BigDecimal opening, Map<CashCategory, BigDecimal> inflows,
		Map<CashCategory, BigDecimal> outflows, BigDecimal closing, List<CashFlow> flows) {

	public BigDecimal inflow(CashCategory category) {
		return inflows.getOrDefault(category, BigDecimal.ZERO);
	}

	public BigDecimal outflow(CashCategory category) {
		return outflows.getOrDefault(category, BigDecimal.ZERO);
	}

}
