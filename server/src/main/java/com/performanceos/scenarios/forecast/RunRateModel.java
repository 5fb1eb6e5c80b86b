package com.performanceos.scenarios.forecast;

/**
 * The revenue run-rate model of ADR 0009: damped Holt-Winters, on the log scale when every observed
 * value is positive (a seasonality proportional to the level, as revenue usually has), on the raw
 * scale otherwise (a series with zero or negative rows cannot be logged).
 *
 * @param season the season length in rows
 */
public record RunRateModel(int season) implements Forecaster {

	public static RunRateModel forSeason(int season) {
		return new RunRateModel(season);
	}

	@Override
	public double[] forecast(double[] history, int horizon) {
		boolean positive = true;
		for (double value : history) {
			positive &= value > 0;
		}
		return new HoltWinters(season, positive).forecast(history, horizon);
	}

}
