package com.performanceos.scenarios.accuracy;

import java.util.Arrays;

import com.performanceos.scenarios.forecast.Forecaster;

/**
 * A hold-out backtest: fit on the rows before a cut-off, forecast the next {@code horizon} rows, and
 * measure the forecast against what actually happened. Pure and deterministic.
 */
public final class Backtest {

	private Backtest() {
	}

	/** The outcome of one backtest window. */
	public record Result(int trainRows, int horizon, int season, double[] forecast, AccuracyMetrics metrics) {
	}

	/**
	 * Backtests on the window that ends with the series: the last {@code horizon} rows are held out
	 * (the split of {@code reference_metrics.py}).
	 */
	public static Result lastWindow(double[] series, int horizon, int season, Forecaster forecaster) {
		return atCutoff(series, series.length - horizon, horizon, season, forecaster);
	}

	/**
	 * Backtests with the first {@code cutoff} rows known and the next {@code horizon} rows as actuals.
	 *
	 * @param cutoff number of training rows (the forecast origin is the row before it)
	 */
	public static Result atCutoff(double[] series, int cutoff, int horizon, int season, Forecaster forecaster) {
		if (horizon < 1 || cutoff <= season || cutoff + horizon > series.length) {
			throw new IllegalArgumentException("cutoff " + cutoff + " and horizon " + horizon + " do not fit a series of "
					+ series.length + " rows with season " + season);
		}
		double[] train = Arrays.copyOfRange(series, 0, cutoff);
		double[] actual = Arrays.copyOfRange(series, cutoff, cutoff + horizon);
		double[] forecast = forecaster.forecast(train.clone(), horizon);
		if (forecast.length != horizon) {
			throw new IllegalStateException("forecaster returned " + forecast.length + " values for a horizon of " + horizon);
		}
		return new Result(cutoff, horizon, season, forecast, AccuracyMetrics.of(train, actual, forecast, season));
	}

}
