package com.performanceos.scenarios.forecast;

import java.util.Locale;

import com.performanceos.scenarios.accuracy.AccuracyMetrics;
import com.performanceos.scenarios.accuracy.Backtest;
import com.performanceos.scenarios.accuracy.ForecastingData;

/**
 * Prints the "Forecast accuracy" table of bench/README.md: the run-rate model and the seasonal-naive
 * baseline on both real series, last window held out at each horizon.
 */
public final class ForecastAccuracyReport {

	private ForecastAccuracyReport() {
	}

	public static void main(String[] args) {
		System.out.println("| series | h | model MAPE | model WAPE | model MASE | naive MAPE | naive WAPE | naive MASE |");
		System.out.println("|---|---|---|---|---|---|---|---|");
		row(ForecastingData.PEYTON_MANNING, 7, 7);
		row(ForecastingData.PEYTON_MANNING, 7, 30);
		row(ForecastingData.PEYTON_MANNING, 7, 90);
		row(ForecastingData.RETAIL_SALES, 12, 6);
		row(ForecastingData.RETAIL_SALES, 12, 12);
		row(ForecastingData.RETAIL_SALES, 12, 24);
		System.out.println();
		System.out.println("| series | h | origins | model mean MASE | naive mean MASE | model wins |");
		System.out.println("|---|---|---|---|---|---|");
		origins(ForecastingData.PEYTON_MANNING, 7, 7);
		origins(ForecastingData.PEYTON_MANNING, 7, 30);
		origins(ForecastingData.PEYTON_MANNING, 7, 90);
	}

	/** Every 30 rows over the last two years (730 rows) of a daily series: the mean MASE and how often the model wins. */
	private static void origins(String file, int season, int horizon) {
		double[] series = ForecastingData.values(file);
		double model = 0;
		double naive = 0;
		int origins = 0;
		int wins = 0;
		for (int cutoff = series.length - horizon - 730; cutoff <= series.length - horizon; cutoff += 30) {
			double m = Backtest.atCutoff(series, cutoff, horizon, season, RunRateModel.forSeason(season)).metrics().mase();
			double n = Backtest.atCutoff(series, cutoff, horizon, season, new SeasonalNaive(season)).metrics().mase();
			model += m;
			naive += n;
			wins += m < n ? 1 : 0;
			origins++;
		}
		System.out.println(String.format(Locale.ROOT, "| %s | %d | %d | %.4f | %.4f | %d of %d |", file, horizon, origins, model / origins,
				naive / origins, wins, origins));
	}

	private static void row(String file, int season, int horizon) {
		double[] series = ForecastingData.values(file);
		AccuracyMetrics model = Backtest.lastWindow(series, horizon, season, RunRateModel.forSeason(season)).metrics();
		AccuracyMetrics naive = Backtest.lastWindow(series, horizon, season, new SeasonalNaive(season)).metrics();
		System.out.println(String.format(Locale.ROOT, "| %s | %d | %.4f | %.4f | %.4f | %.4f | %.4f | %.4f |", file, horizon,
				model.mape(), model.wape(), model.mase(), naive.mape(), naive.wape(), naive.mase()));
	}

}
