package com.performanceos.scenarios.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.performanceos.scenarios.accuracy.AccuracyMetrics;
import com.performanceos.scenarios.accuracy.Backtest;
import com.performanceos.scenarios.accuracy.ForecastingData;

/**
 * The run-rate model against the seasonal-naive baseline on the real series: an accuracy claim, not a timing one.
 * Monthly retail sales, last window held out at each horizon. Daily page views, over 25 forecast origins (every 30
 * days over the last two years), because one window is one draw: on the last window alone the daily model wins at 7 and
 * 30 days and loses at 90 (bench/README.md, "Forecast accuracy"), so that window is reported, not asserted.
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

	@ParameterizedTest(name = "page views, h={0} days, 25 origins")
	@ValueSource(ints = { 7, 30, 90 })
	void runRateModelHasALowerMeanMaseThanSeasonalNaiveOverForecastOriginsOfTheDailySeries(int horizon) {
		double[] series = ForecastingData.values(ForecastingData.PEYTON_MANNING);
		double model = 0;
		double baseline = 0;
		int origins = 0;
		for (int cutoff = series.length - horizon - 730; cutoff <= series.length - horizon; cutoff += 30) {
			model += Backtest.atCutoff(series, cutoff, horizon, 7, RunRateModel.forSeason(7)).metrics().mase();
			baseline += Backtest.atCutoff(series, cutoff, horizon, 7, new SeasonalNaive(7)).metrics().mase();
			origins++;
		}
		assertThat(origins).isEqualTo(25);
		assertThat(model / origins).isLessThan(baseline / origins);
	}

}
