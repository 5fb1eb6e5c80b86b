package com.performanceos.scenarios.forecast;

/**
 * The revenue run-rate model of ADR 0009. Damped Holt-Winters, on the log scale when every observed value is positive
 * (a seasonality proportional to the level, as revenue usually has), on the raw scale otherwise. For a daily series
 * (weekly season, 7), the equal-weight mean of three forecasts instead: that Holt-Winters, the weekly seasonal naive,
 * and, once the history holds a year and four weeks, the yearly naive with this year's level ({@link YearlyNaive});
 * a simple combination of unlike models, which measured better than each of them over 25 forecast origins of the
 * daily reference series (bench/README.md, "Forecast accuracy").
 *
 * @param season the season length in rows
 */
public record RunRateModel(int season) implements Forecaster {

	/** The weekly season of daily data, which gets the combination. */
	static final int WEEK = 7;

	/** A year of daily rows, whole weeks so that weekdays stay aligned. */
	static final int YEAR_OF_DAYS = 364;

	/** The recent days the yearly naive's level shift is measured over. */
	static final int LEVEL_WINDOW_DAYS = 28;

	public static RunRateModel forSeason(int season) {
		return new RunRateModel(season);
	}

	@Override
	public double[] forecast(double[] history, int horizon) {
		double[] smoothed = holtWinters(history, horizon);
		if (season != WEEK) {
			return smoothed;
		}
		double[] weekly = new SeasonalNaive(WEEK).forecast(history, horizon);
		YearlyNaive yearly = new YearlyNaive(YEAR_OF_DAYS, LEVEL_WINDOW_DAYS);
		double[] lastYear = yearly.fits(history.length) ? yearly.forecast(history, horizon) : null;
		double[] combined = new double[horizon];
		for (int step = 0; step < horizon; step++) {
			combined[step] = lastYear == null ? (smoothed[step] + weekly[step]) / 2 : (smoothed[step] + weekly[step] + lastYear[step]) / 3;
		}
		return combined;
	}

	/** The damped Holt-Winters part alone (log scale when every value is positive). */
	double[] holtWinters(double[] history, int horizon) {
		boolean positive = true;
		for (double value : history) {
			positive &= value > 0;
		}
		return new HoltWinters(season, positive).forecast(history, horizon);
	}

}
