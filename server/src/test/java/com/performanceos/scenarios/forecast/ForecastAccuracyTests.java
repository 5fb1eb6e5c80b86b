package com.performanceos.scenarios.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.performanceos.scenarios.accuracy.AccuracyMetrics;
import com.performanceos.scenarios.accuracy.Backtest;
import com.performanceos.scenarios.accuracy.ForecastingData;

/**
 * The run-rate model against the seasonal-naive baseline on the real monthly retail series, last
 * window held out at each horizon: an accuracy claim, not a timing one. The daily page-view series
 * does not meet the goal yet (see bench/README.md, "Forecast accuracy"), so it is reported, not asserted.
 */
class ForecastAccuracyTests {

	@ParameterizedTest(name = "retail sales, h={0} months")
	@ValueSource(ints = { 6, 12, 24 })
	void runRateModelHasALowerMaseThanSeasonalNaiveOnRetailSales(int horizon) {
		double[] series = ForecastingData.values(ForecastingData.RETAIL_SALES);
		AccuracyMetrics model = Backtest.lastWindow(series, horizon, 12, RunRateModel.forSeason(12)).metrics();
		AccuracyMetrics baseline = Backtest.lastWindow(series, horizon, 12, new SeasonalNaive(12)).metrics();
		assertThat(model.mase()).isLessThan(baseline.mase());
	}

}
