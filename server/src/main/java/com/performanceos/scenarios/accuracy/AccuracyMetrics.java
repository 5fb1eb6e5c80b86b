package com.performanceos.scenarios.accuracy;

/**
 * Accuracy of one forecast against the actuals, with the definitions of Nixtla utilsforecast
 * {@code losses.py} (and {@code shared/data/forecasting/reference_metrics.py}):
 * <ul>
 * <li>MAE = mean |y − ŷ|;</li>
 * <li>MAPE = mean |y − ŷ| / |y| over the rows whose actual is not zero (NaN when every actual is zero);</li>
 * <li>WAPE = Σ|y − ŷ| / Σ|y|;</li>
 * <li>bias = mean (ŷ − y), positive when the forecast is too high;</li>
 * <li>MASE = MAE / mean_{t ≥ m} |y_t − y_{t−m}| over the training rows (the in-sample seasonal-naive
 * error, shift by rows, not by calendar).</li>
 * </ul>
 * Ratios are fractions (0.05 is 5 %).
 */
public record AccuracyMetrics(double mae, double mape, double wape, double bias, double mase) {

	/**
	 * @param train the values the forecast was fitted on, oldest first (they give the MASE scale)
	 * @param actual the held-out values
	 * @param forecast the forecast of {@code actual}, same length
	 * @param season the seasonal shift m of the MASE scale, in rows
	 */
	public static AccuracyMetrics of(double[] train, double[] actual, double[] forecast, int season) {
		if (actual.length != forecast.length || actual.length == 0) {
			throw new IllegalArgumentException(
					"actual and forecast must have the same non-zero length: " + actual.length + " vs " + forecast.length);
		}
		double absoluteErrorSum = 0;
		double signedErrorSum = 0;
		double absoluteActualSum = 0;
		double percentageErrorSum = 0;
		int nonZeroActuals = 0;
		for (int row = 0; row < actual.length; row++) {
			double error = Math.abs(actual[row] - forecast[row]);
			absoluteErrorSum += error;
			signedErrorSum += forecast[row] - actual[row];
			absoluteActualSum += Math.abs(actual[row]);
			if (actual[row] != 0) {
				percentageErrorSum += error / Math.abs(actual[row]);
				nonZeroActuals++;
			}
		}
		double mae = absoluteErrorSum / actual.length;
		double mape = nonZeroActuals == 0 ? Double.NaN : percentageErrorSum / nonZeroActuals;
		return new AccuracyMetrics(mae, mape, absoluteErrorSum / absoluteActualSum, signedErrorSum / actual.length,
				mae / seasonalNaiveScale(train, season));
	}

	/** Mean absolute in-sample error of the seasonal-naive forecast: mean_{t ≥ m} |y_t − y_{t−m}|. */
	static double seasonalNaiveScale(double[] train, int season) {
		if (season < 1 || train.length <= season) {
			throw new IllegalArgumentException("the MASE scale needs more than one season (" + season + ") of training rows, had "
					+ train.length);
		}
		double sum = 0;
		for (int t = season; t < train.length; t++) {
			sum += Math.abs(train[t] - train[t - season]);
		}
		return sum / (train.length - season);
	}

}
