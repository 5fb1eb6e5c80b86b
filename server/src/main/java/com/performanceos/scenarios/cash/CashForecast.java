package com.performanceos.scenarios.cash;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The result of one recalculation.
 *
 * @param daily one bucket per day, {@code horizonDays} of them
 * @param weekly seven-day buckets from {@code asOf} (the last one shorter when the horizon is not whole weeks)
 * @param lowestClosing the lowest daily closing balance, and {@code lowestDate} the first day it is reached
 * @param cashOutDate the first day the closing balance is negative, null when it never is within the horizon
 * @param runwayDays days from {@code asOf} to {@code cashOutDate}; null when cash lasts beyond the horizon
 */
public record CashForecast(String reportingCurrency, Drivers drivers, BigDecimal opening, List<Bucket> daily,
		List<Bucket> weekly, BigDecimal lowestClosing, LocalDate lowestDate, @Nullable LocalDate cashOutDate,
		@Nullable Integer runwayDays) {

	public BigDecimal closing() {
		return daily.getLast().closing();
	}

}
