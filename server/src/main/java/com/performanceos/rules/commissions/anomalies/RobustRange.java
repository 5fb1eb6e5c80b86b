package com.performanceos.rules.commissions.anomalies;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Optional;

import org.apache.commons.math3.stat.descriptive.rank.Median;

/**
 * The usual range of a set of amounts by robust statistics (docs/commissions-anomalies.md): the median and the median
 * absolute deviation (MAD), and the modified z-score of Iglewicz and Hoaglin, {@code 0.6745 × (x − median) / MAD}. An
 * amount whose score exceeds {@link #CUT_OFF} in absolute value is far from the usual range. Unlike a mean and a
 * standard deviation, neither statistic moves much when a few amounts of the history are themselves extreme.
 *
 * @param median the median amount
 * @param mad the median absolute deviation from it (above zero)
 * @param sampleSize how many amounts it was computed from
 */
record RobustRange(double median, double mad, int sampleSize) {

	/** The cut-off Iglewicz and Hoaglin recommend for the modified z-score. */
	static final double CUT_OFF = 3.5;

	/** The fewest earlier amounts a range is computed from: below it, any amount would look unusual. */
	static final int SAMPLE_MIN = 5;

	/** The consistency constant: 0.6745 × (x − median) / MAD matches a z-score on normally distributed amounts. */
	private static final double CONSISTENCY = 0.6745;

	/**
	 * The range of the amounts; empty with fewer than {@link #SAMPLE_MIN}, or when more than half of them are equal
	 * (a MAD of zero would call every other amount unusual).
	 */
	static Optional<RobustRange> of(Collection<BigDecimal> amounts) {
		if (amounts.size() < SAMPLE_MIN) {
			return Optional.empty();
		}
		double[] values = amounts.stream().mapToDouble(BigDecimal::doubleValue).toArray();
		Median median = new Median();
		double middle = median.evaluate(values);
		double[] deviations = new double[values.length];
		for (int index = 0; index < values.length; index++) {
			deviations[index] = Math.abs(values[index] - middle);
		}
		double mad = median.evaluate(deviations);
		return mad > 0 ? Optional.of(new RobustRange(middle, mad, values.length)) : Optional.empty();
	}

	double score(BigDecimal amount) {
		return CONSISTENCY * (amount.doubleValue() - median) / mad;
	}

	boolean unusual(BigDecimal amount) {
		return Math.abs(score(amount)) > CUT_OFF;
	}

}
