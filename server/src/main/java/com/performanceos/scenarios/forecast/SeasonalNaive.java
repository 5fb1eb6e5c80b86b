package com.performanceos.scenarios.forecast;

/**
 * The seasonal-naive baseline: repeat the last observed season, {@code ŷ[T+h] = y[T + h - m·ceil(h/m)]}.
 * The benchmark every model must beat (Nixtla statsforecast practice, and the MASE denominator).
 *
 * @param season the season length in rows (12 for monthly data, 7 for daily data)
 */
public record SeasonalNaive(int season) implements Forecaster {

	public SeasonalNaive {
		if (season < 1) {
			throw new IllegalArgumentException("season must be at least 1, was " + season);
		}
	}

	@Override
	public double[] forecast(double[] history, int horizon) {
		if (history.length < season) {
			throw new IllegalArgumentException("need one full season of history (" + season + " rows), had " + history.length);
		}
		int lastSeasonStart = history.length - season;
		double[] forecast = new double[horizon];
		for (int step = 0; step < horizon; step++) {
			forecast[step] = history[lastSeasonStart + step % season];
		}
		return forecast;
	}

}
