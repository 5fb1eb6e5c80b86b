package com.performanceos.scenarios.planning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.performanceos.scenarios.cash.Bucket;
import com.performanceos.scenarios.cash.CashCategory;
import com.performanceos.scenarios.cash.CashForecast;

/**
 * The figures of a forecast without its per-invoice flows: what a version stores as its outputs (the
 * flows are recomputed from the stored inputs for drill-down, the engine being deterministic).
 */
record ForecastOutputs(BigDecimal opening, BigDecimal closing, BigDecimal lowestClosing, LocalDate lowestDate,
		@Nullable LocalDate cashOutDate, @Nullable Integer runwayDays, List<Totals> daily, List<Totals> weekly) {

	record Totals(LocalDate start, LocalDate end, BigDecimal opening, Map<CashCategory, BigDecimal> inflows,
			Map<CashCategory, BigDecimal> outflows, BigDecimal closing) {

		static Totals of(Bucket bucket) {
			return new Totals(bucket.start(), bucket.end(), bucket.opening(), bucket.inflows(), bucket.outflows(), bucket.closing());
		}

	}

	static ForecastOutputs of(CashForecast forecast) {
		return new ForecastOutputs(forecast.opening(), forecast.closing(), forecast.lowestClosing(), forecast.lowestDate(),
				forecast.cashOutDate(), forecast.runwayDays(), forecast.daily().stream().map(Totals::of).toList(),
				forecast.weekly().stream().map(Totals::of).toList());
	}

}
