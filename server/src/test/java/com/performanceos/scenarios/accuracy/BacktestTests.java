package com.performanceos.scenarios.accuracy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import com.performanceos.scenarios.forecast.SeasonalNaive;

class BacktestTests {

	private static final double TOLERANCE = 1e-6;

	@Test
	void seasonalNaiveOnRetailSalesReproducesTheReferenceMetrics() {
		// reference_metrics.json: train_rows 269, train_end 2014-05-01, h 24, m 12.
		Backtest.Result result = Backtest.lastWindow(ForecastingData.values(ForecastingData.RETAIL_SALES), 24, 12,
				new SeasonalNaive(12));
		assertThat(result.trainRows()).isEqualTo(269);
		assertThat(ForecastingData.trainEnd(ForecastingData.RETAIL_SALES, 24)).isEqualTo("2014-05-01");
		assertThat(result.metrics().mae()).isCloseTo(21196.666667, within(TOLERANCE));
		assertThat(result.metrics().mape()).isCloseTo(0.047497, within(TOLERANCE));
		assertThat(result.metrics().wape()).isCloseTo(0.047759, within(TOLERANCE));
		assertThat(result.metrics().mase()).isCloseTo(1.360533, within(TOLERANCE));
	}

	@Test
	void seasonalNaiveOnPeytonManningReproducesTheReferenceMetrics() {
		// reference_metrics.json: train_rows 2815, train_end 2015-10-22, h 90, m 7.
		Backtest.Result result = Backtest.lastWindow(ForecastingData.values(ForecastingData.PEYTON_MANNING), 90, 7,
				new SeasonalNaive(7));
		assertThat(result.trainRows()).isEqualTo(2815);
		assertThat(ForecastingData.trainEnd(ForecastingData.PEYTON_MANNING, 90)).isEqualTo("2015-10-22");
		assertThat(result.metrics().mae()).isCloseTo(0.394188, within(TOLERANCE));
		assertThat(result.metrics().mape()).isCloseTo(0.044426, within(TOLERANCE));
		assertThat(result.metrics().wape()).isCloseTo(0.047798, within(TOLERANCE));
		assertThat(result.metrics().mase()).isCloseTo(1.049194, within(TOLERANCE));
	}

	@Test
	void handComputedFixture() {
		// Series 10 20 12 22 | 14 20 0 25, season 2, cut-off 4, horizon 4.
		// Seasonal naive repeats the last season (12, 22): forecast 12 22 12 22 against actuals 14 20 0 25.
		// Errors |y−ŷ| = 2 2 12 3 (sum 19); signed ŷ−y = −2 +2 +12 −3 (sum 9).
		// MAE = 19/4 = 4.75. MAPE skips the zero actual: (2/14 + 2/20 + 3/25) / 3 = (0.142857… + 0.1 + 0.12) / 3 = 0.120952…
		// WAPE = 19 / (14+20+0+25) = 19/59 = 0.322033… Bias = 9/4 = 2.25.
		// Scale over training rows t ≥ 2: |12−10| + |22−20| = 4, mean 2; MASE = 4.75 / 2 = 2.375.
		double[] series = { 10, 20, 12, 22, 14, 20, 0, 25 };
		Backtest.Result result = Backtest.atCutoff(series, 4, 4, 2, new SeasonalNaive(2));
		assertThat(result.forecast()).containsExactly(12, 22, 12, 22);
		assertThat(result.metrics().mae()).isCloseTo(4.75, within(1e-12));
		assertThat(result.metrics().mape()).isCloseTo((2.0 / 14 + 0.1 + 0.12) / 3, within(1e-12));
		assertThat(result.metrics().wape()).isCloseTo(19.0 / 59, within(1e-12));
		assertThat(result.metrics().bias()).isCloseTo(2.25, within(1e-12));
		assertThat(result.metrics().mase()).isCloseTo(2.375, within(1e-12));
	}

	@Test
	void mapeIsUndefinedWhenEveryActualIsZero() {
		AccuracyMetrics metrics = AccuracyMetrics.of(new double[] { 1, 2, 3 }, new double[] { 0, 0 }, new double[] { 1, 1 }, 1);
		assertThat(metrics.mape()).isNaN();
		assertThat(metrics.mae()).isEqualTo(1.0);
	}

}
