package com.performanceos.scenarios.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HoltWintersTests {

	@Test
	void recoversAnExactLinearTrendWithAdditiveSeason() {
		// y = 100 + 2t + (+5, −5) alternating: the model fits it without error, so the forecast
		// continues it (damping bends the trend slightly, hence the tolerance).
		double[] history = new double[40];
		for (int t = 0; t < history.length; t++) {
			history[t] = 100 + 2 * t + (t % 2 == 0 ? 5 : -5);
		}
		double[] forecast = new HoltWinters(2, false).forecast(history, 2);
		assertThat(forecast[0]).isCloseTo(100 + 2 * 40 + 5, within(1.0));
		assertThat(forecast[1]).isCloseTo(100 + 2 * 41 - 5, within(1.5));
	}

	@Test
	void isDeterministic() {
		double[] history = { 3, 9, 4, 11, 5, 12, 4, 13, 6, 14, 7, 15 };
		assertThat(new HoltWinters(2, true).forecast(history, 5)).containsExactly(new HoltWinters(2, true).forecast(history, 5));
	}

	@Test
	void logScaleRefusesNonPositiveValues() {
		assertThatIllegalArgumentException().isThrownBy(() -> new HoltWinters(2, true).forecast(new double[] { 1, 0, 2, 3 }, 1));
	}

	@Test
	void runRateModelFallsBackToTheRawScaleWhenARowIsZero() {
		double[] history = { 0, 10, 2, 12, 4, 14, 6, 16 };
		assertThat(RunRateModel.forSeason(2).forecast(history, 2)).containsExactly(new HoltWinters(2, false).forecast(history, 2));
	}

}
