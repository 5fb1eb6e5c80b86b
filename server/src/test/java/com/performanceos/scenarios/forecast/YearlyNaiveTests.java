package com.performanceos.scenarios.forecast;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class YearlyNaiveTests {

	@Test
	void repeatsLastYearShiftedByHowMuchTheRecentWindowMovedSinceAYearBefore() {
		// A "year" of 4 rows, a level window of 2: history 1 2 3 4 | 5 6 9 10. The last two rows (9, 10) average 9.5,
		// the same rows a year earlier (3, 4) 3.5: a shift of 6 on last year's 5 6 9 10.
		double[] forecast = new YearlyNaive(4, 2).forecast(new double[] { 1, 2, 3, 4, 5, 6, 9, 10 }, 6);
		assertThat(forecast).containsExactly(11, 12, 15, 16, 11, 12);
	}

	@Test
	void needsAYearAndTheLevelWindow() {
		YearlyNaive model = new YearlyNaive(4, 2);
		assertThat(model.fits(6)).isTrue();
		assertThat(model.fits(5)).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> model.forecast(new double[5], 1));
	}

	@Test
	void theDailyRunRateIsTheMeanOfItsThreeModelsOnceAYearIsKnown() {
		double[] history = new double[400];
		for (int day = 0; day < history.length; day++) {
			history[day] = 100 + (day % 7) * 3 + Math.sin(day / 58.0) * 10;
		}
		RunRateModel model = RunRateModel.forSeason(7);
		double[] smoothed = model.holtWinters(history, 10);
		double[] weekly = new SeasonalNaive(7).forecast(history, 10);
		double[] yearly = new YearlyNaive(364, 28).forecast(history, 10);
		double[] combined = model.forecast(history, 10);
		for (int step = 0; step < 10; step++) {
			assertThat(combined[step]).isEqualTo((smoothed[step] + weekly[step] + yearly[step]) / 3);
		}
		// Shorter than a year and four weeks: Holt-Winters and the weekly naive only.
		double[] recent = java.util.Arrays.copyOfRange(history, 0, 300);
		double[] two = model.forecast(recent, 3);
		assertThat(two[0]).isEqualTo((model.holtWinters(recent, 3)[0] + new SeasonalNaive(7).forecast(recent, 3)[0]) / 2);
	}

}
