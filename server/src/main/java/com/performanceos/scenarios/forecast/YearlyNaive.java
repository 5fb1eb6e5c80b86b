package com.performanceos.scenarios.forecast;

/**
 * The yearly-seasonal naive forecast of a daily series with a level shift: the value a year ago (364 days, so weekdays
 * stay aligned), moved by how much the last {@code levelWindow} days differ on average from the same days a year
 * earlier, {@code ŷ[T+h] = y[T+h-year·ceil(h/year)] + (mean(y[T-w+1..T]) - mean(y[T-w+1-year..T-year]))}. It carries
 * the yearly cycle a weekly model cannot see (a football season, a summer lull) at this year's level.
 *
 * @param year the year in rows (364 for daily data)
 * @param levelWindow how many recent rows the level shift is measured over
 */
public record YearlyNaive(int year, int levelWindow) implements Forecaster {

	public YearlyNaive {
		if (year < 1 || levelWindow < 1) {
			throw new IllegalArgumentException("year and levelWindow must be at least 1, were " + year + " and " + levelWindow);
		}
	}

	/** Whether {@code rows} of history are enough: a year plus the level window. */
	public boolean fits(int rows) {
		return rows >= year + levelWindow;
	}

	@Override
	public double[] forecast(double[] history, int horizon) {
		if (!fits(history.length)) {
			throw new IllegalArgumentException("need a year and " + levelWindow + " rows of history (" + (year + levelWindow) + "), had "
					+ history.length);
		}
		int last = history.length - 1;
		double recent = 0;
		double yearBefore = 0;
		for (int row = 0; row < levelWindow; row++) {
			recent += history[last - row];
			yearBefore += history[last - row - year];
		}
		double shift = (recent - yearBefore) / levelWindow;
		int lastYearStart = history.length - year;
		double[] forecast = new double[horizon];
		for (int step = 0; step < horizon; step++) {
			forecast[step] = history[lastYearStart + step % year] + shift;
		}
		return forecast;
	}

}
