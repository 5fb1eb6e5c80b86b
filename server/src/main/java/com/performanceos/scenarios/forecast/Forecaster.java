package com.performanceos.scenarios.forecast;

/**
 * Forecasts the next values of a regular series (one value per row, no gaps assumed) from its
 * history. Implementations are pure and deterministic: the same history gives the same forecast.
 */
@FunctionalInterface
public interface Forecaster {

	/**
	 * @param history the observed values, oldest first
	 * @param horizon how many steps ahead to forecast, at least 1
	 * @return {@code horizon} values, the first one step after the last observation
	 */
	double[] forecast(double[] history, int horizon);

}
