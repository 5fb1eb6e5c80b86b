package com.performanceos.scenarios.forecast;

/**
 * Additive Holt-Winters with a damped trend, ETS(A,Ad,A) in Hyndman's taxonomy, the run-rate model
 * of ADR 0009. State: level ℓ, trend b, one seasonal index s per position in the season.
 * <pre>
 *   ŷ[t+1]  = ℓ + φ·b + s[t+1−m]
 *   ℓ'      = α·(y − s[t−m]) + (1−α)·(ℓ + φ·b)
 *   b'      = β·(ℓ' − ℓ) + (1−β)·φ·b
 *   s[t]    = γ·(y − ℓ') + (1−γ)·s[t−m]
 *   ŷ[T+h]  = ℓ + (φ + … + φ^h)·b + s[T+h−m·ceil(h/m)]
 * </pre>
 * α, β, γ and φ are fitted by an exhaustive search over a fixed grid, minimising the in-sample sum of
 * squared one-step errors; ties keep the first grid point, so the fit is deterministic. The damped
 * trend (φ &lt; 1) keeps long horizons from running away with a recent slope. With {@code logScale}
 * the model runs on ln y, which turns a seasonality that grows with the level (retail sales) into
 * an additive one; it needs strictly positive values.
 *
 * @param season the season length in rows (12 monthly, 7 daily)
 * @param logScale whether to fit on the logarithm of the values
 */
public record HoltWinters(int season, boolean logScale) implements Forecaster {

	private static final double[] ALPHAS = { 0.02, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9 };
	private static final double[] BETAS = { 0.0, 0.01, 0.03, 0.1, 0.2 };
	private static final double[] GAMMAS = { 0.0, 0.02, 0.05, 0.1, 0.2, 0.3 };
	private static final double[] PHIS = { 0.8, 0.9, 0.95, 0.98 };

	public HoltWinters {
		if (season < 1) {
			throw new IllegalArgumentException("season must be at least 1, was " + season);
		}
	}

	/** The fitted smoothing parameters and the in-sample sum of squared one-step errors. */
	public record Fit(double alpha, double beta, double gamma, double phi, double sse) {
	}

	@Override
	public double[] forecast(double[] history, int horizon) {
		double[] values = transformed(history);
		Fit fit = fit(values);
		State state = run(values, fit.alpha(), fit.beta(), fit.gamma(), fit.phi());
		double[] forecast = new double[horizon];
		double dampedSteps = 0;
		double phiPower = 1;
		for (int step = 1; step <= horizon; step++) {
			phiPower *= fit.phi();
			dampedSteps += phiPower;
			double value = state.level + dampedSteps * state.trend + state.seasonal[(values.length + step - 1) % season];
			forecast[step - 1] = logScale ? Math.exp(value) : value;
		}
		return forecast;
	}

	/** Fits the parameters on the (already transformed) values by the grid search described above. */
	public Fit fit(double[] values) {
		if (values.length < 2 * season) {
			throw new IllegalArgumentException("need two full seasons (" + 2 * season + " rows), had " + values.length);
		}
		Fit best = new Fit(0, 0, 0, 0, Double.POSITIVE_INFINITY);
		for (double alpha : ALPHAS) {
			for (double beta : BETAS) {
				for (double gamma : GAMMAS) {
					for (double phi : PHIS) {
						double sse = run(values, alpha, beta, gamma, phi).sse;
						if (sse < best.sse()) {
							best = new Fit(alpha, beta, gamma, phi, sse);
						}
					}
				}
			}
		}
		return best;
	}

	private double[] transformed(double[] history) {
		if (!logScale) {
			return history.clone();
		}
		double[] logs = new double[history.length];
		for (int row = 0; row < history.length; row++) {
			if (!(history[row] > 0)) {
				throw new IllegalArgumentException("log scale needs positive values, row " + row + " is " + history[row]);
			}
			logs[row] = Math.log(history[row]);
		}
		return logs;
	}

	/** State after the last observation; seasonal[i] is the index of rows with {@code row % season == i}. */
	private static final class State {
		double level;
		double trend;
		double sse;
		double[] seasonal;
	}

	/**
	 * Runs the recursions over all rows. The first two seasons initialise the state (classic
	 * decomposition: level = mean of season one, trend = mean change per row between seasons one and
	 * two, indices = deviations of season one from its mean), then filtering starts at row m.
	 */
	private State run(double[] values, double alpha, double beta, double gamma, double phi) {
		int m = season;
		double firstMean = 0;
		double secondMean = 0;
		for (int row = 0; row < m; row++) {
			firstMean += values[row] / m;
			secondMean += values[row + m] / m;
		}
		State state = new State();
		state.seasonal = new double[m];
		for (int row = 0; row < m; row++) {
			state.seasonal[row] = values[row] - firstMean;
		}
		state.trend = (secondMean - firstMean) / m;
		// Level at row m−1: season one's mean sits at its middle, (m−1)/2 rows earlier.
		state.level = firstMean + state.trend * (m - 1) / 2.0;
		for (int row = m; row < values.length; row++) {
			int position = row % m;
			double predicted = state.level + phi * state.trend + state.seasonal[position];
			double error = values[row] - predicted;
			state.sse += error * error;
			double previousLevel = state.level;
			state.level = alpha * (values[row] - state.seasonal[position]) + (1 - alpha) * (previousLevel + phi * state.trend);
			state.trend = beta * (state.level - previousLevel) + (1 - beta) * phi * state.trend;
			state.seasonal[position] = gamma * (values[row] - state.level) + (1 - gamma) * state.seasonal[position];
		}
		return state;
	}

}
