package com.performanceos.scenarios.cash;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The fixture of {@link CashFixture}, computed by hand.
 *
 * <pre>
 * Weeks: W1 01-05..01-11, W2 01-12..18, W3 01-19..25, W4 01-26..02-01, W5 02-02..08, W6 02-09..15, W7 02-16..22,
 *        W8 02-23..03-01, W9 03-02..08, W10 03-09..15, W11 03-16..22, W12 03-23..29, W13 03-30..04-05.
 * BASE receipts (due + delay; overdue → 01-05; I16 04-09 is beyond the horizon):
 *   I04 12-21→01-05 1,000  I05 01-06 5,000  I01 01-11 2,000                       W1  8,000
 *   I06 01-15 2,500  I07 (C4, median 10 d) 01-18 3,000                             W2  5,500
 *   I02 01-20 3,000  I17 01-20 1,000 USD × 0.90 = 900  I03 01-25 4,000             W3  7,900
 *   I18 02-01 1,500 (W4)  I19 02-02 2,000 (W5)  I08 02-11 6,000 + I09 02-15 2,000 (W6 8,000)  I11 02-20 1,500 (W7)
 *   I10 03-02 3,000 + I20 03-02 3,000 (W9 6,000)  I12 03-11 4,000 (W10)  I14 03-20 3,500 (W11)
 *   I13 03-30 2,000 + I15 04-04 1,000 (W13 3,000)                                   total 50,900
 * Bills: P09 overdue → 01-05 3,000 and P01 01-07 8,000 (W1 11,000), P02 6,000 (W2), P03 12,000 (W3), P04 5,000 (W4),
 *   P05 7,000 (W6), P06 02-25 9,000 (W8), P07 03-05 4,000 (W9), P08 03-18 6,000 (W11); P10 04-10 out. Total 60,000.
 * Rent 01-05, 02-05, 03-05, 04-05 (W1, W5, W9, W13): 10,000. Payroll 13 Fridays: 52,000. New business 91 × 600 = 54,600.
 * Weekly closing = opening + receipts + 4,200 − bills − 4,000 − rent:
 *   W1 49,900 + 8,000 + 4,200 − 11,000 − 4,000 − 2,500 = 44,600    W2 + 5,500 + 4,200 − 6,000 − 4,000 = 44,300
 *   W3 + 7,900 + 4,200 − 12,000 − 4,000 = 40,400    W4 + 1,500 + 4,200 − 5,000 − 4,000 = 37,100
 *   W5 + 2,000 + 4,200 − 4,000 − 2,500 = 36,800     W6 + 8,000 + 4,200 − 7,000 − 4,000 = 38,000
 *   W7 + 1,500 + 4,200 − 4,000 = 39,700             W8 + 4,200 − 9,000 − 4,000 = 30,900
 *   W9 + 6,000 + 4,200 − 4,000 − 4,000 − 2,500 = 30,600   W10 + 4,000 + 4,200 − 4,000 = 34,800
 *   W11 + 3,500 + 4,200 − 6,000 − 4,000 = 32,500    W12 + 4,200 − 4,000 = 32,700
 *   W13 + 3,000 + 4,200 − 4,000 − 2,500 = 33,400 = 49,900 + 50,900 + 54,600 − 60,000 − 52,000 − 10,000.
 * Daily lows of each week: W1 01-09 41,400 (49,900 +600+1,000−3,000−2,500 = 46,000; +600+5,000 = 51,600;
 *   +600−8,000 = 44,200; +600 = 44,800; +600−4,000 = 41,400), W6 02-10 31,000 (36,800 +600 = 37,400; +600−7,000),
 *   W8 02-27 29,700 (39,700 +600 ×2 = 40,900; +600−9,000 = 32,500; +600 = 33,100; +600−4,000 = 29,700),
 *   W9 03-06 29,400 (30,900 +600+6,000 = 37,500; 38,100; 38,700; +600−4,000−2,500 = 32,800; +600−4,000 = 29,400),
 *   W11 03-18 30,600. Lowest point: 29,400 on 2026-03-06; never negative, so no runway limit in 91 days.
 * </pre>
 */
class CashForecastEngineTests {

	private final CashForecastEngine engine = new CashForecastEngine();

	@Test
	void baseForecastOfTheFixtureMatchesTheHandComputation() {
		CashForecast base = engine.forecast(CashFixture.inputs(), Scenario.of(ScenarioTemplate.BASE));

		assertThat(base.opening()).isEqualByComparingTo("49900.00");
		assertThat(base.daily()).hasSize(91);
		assertThat(base.weekly()).hasSize(13);
		assertThat(base.weekly()).extracting(Bucket::closing).usingElementComparator(BigDecimal::compareTo)
			.containsExactlyElementsOf(amounts(44_600, 44_300, 40_400, 37_100, 36_800, 38_000, 39_700, 30_900, 30_600, 34_800,
					32_500, 32_700, 33_400));
		assertThat(base.weekly()).extracting(week -> week.inflow(CashCategory.RECEIVABLES)).usingElementComparator(BigDecimal::compareTo)
			.containsExactlyElementsOf(amounts(8_000, 5_500, 7_900, 1_500, 2_000, 8_000, 1_500, 0, 6_000, 4_000, 3_500, 0, 3_000));
		assertThat(base.daily().subList(0, 7)).extracting(Bucket::closing).usingElementComparator(BigDecimal::compareTo)
			.containsExactlyElementsOf(amounts(46_000, 51_600, 44_200, 44_800, 41_400, 42_000, 44_600));
		assertThat(base.lowestClosing()).isEqualByComparingTo("29400.00");
		assertThat(base.lowestDate()).isEqualTo(LocalDate.of(2026, 3, 6));
		assertThat(base.cashOutDate()).isNull();
		assertThat(base.runwayDays()).isNull();

		Bucket week1 = base.weekly().getFirst();
		assertThat(week1.outflow(CashCategory.PAYABLES)).isEqualByComparingTo("11000.00");
		assertThat(week1.outflow(CashCategory.RECURRING)).isEqualByComparingTo("6500.00");
		assertThat(week1.inflow(CashCategory.NEW_BUSINESS)).isEqualByComparingTo("4200.00");
	}

	@Test
	void everyFigureNamesTheInvoiceSeriesOrDriverBehindIt() {
		CashForecast base = engine.forecast(CashFixture.inputs(), Scenario.of(ScenarioTemplate.BASE));
		Bucket january18 = base.daily().get(13);
		assertThat(january18.start()).isEqualTo(LocalDate.of(2026, 1, 18));
		// I07: customer C4 has no history, so the portfolio median (10 d) moves its 01-08 due date to 01-18.
		assertThat(january18.flows()).extracting(flow -> flow.source().id()).containsExactly("I07", "run-rate");
		assertThat(january18.flows().getFirst().source().derivation()).contains("due 2026-01-08", "10 d portfolio median delay");
		assertThat(base.weekly()).flatExtracting(Bucket::flows).extracting(flow -> flow.source().id())
			.doesNotContain("I16", "P10").contains("rent", "payroll", "P09", "I04");
	}

	@Test
	void stressDiffersFromBaseExactlyByFourteenDaysLaterAndTwentyPercentLessCollected() {
		// STRESS receipts: every invoice 14 d later and × 0.8; I13 (04-13) and I15 (04-18) leave the horizon, I04
		// (01-04) stays overdue on 01-05. Per week: W1 I04 800 | W2 0 | W3 I05 4,000 + I01 1,600 = 5,600 |
		// W4 I06 01-29 2,000 + I07 02-01 2,400 = 4,400 | W5 I02 2,400 + I17 720 + I03 02-08 3,200 = 6,320 |
		// W6 I18 02-15 1,200 | W7 I19 02-16 1,600 | W8 I08 02-25 4,800 + I09 03-01 1,600 = 6,400 | W9 I11 03-06 1,200 |
		// W10 0 | W11 I10 + I20 03-16 4,800 | W12 I12 03-25 3,200 | W13 I14 04-03 2,800. Total 38,320 = (50,900 − 3,000) × 0.8.
		// BASE − STRESS closings = running sum of the receipt differences:
		// 7,200; 12,700; 15,000; 12,100; 7,780; 14,580; 14,480; 8,080; 12,880; 16,880; 15,580; 12,380; 12,580.
		CashForecast base = engine.forecast(CashFixture.inputs(), Scenario.of(ScenarioTemplate.BASE));
		CashForecast stress = engine.forecast(CashFixture.inputs(), Scenario.of(ScenarioTemplate.STRESS));

		assertThat(stress.weekly()).extracting(week -> week.inflow(CashCategory.RECEIVABLES)).usingElementComparator(BigDecimal::compareTo)
			.containsExactlyElementsOf(amounts(800, 0, 5_600, 4_400, 6_320, 1_200, 1_600, 6_400, 1_200, 0, 4_800, 3_200, 2_800));
		List<BigDecimal> closingDeltas = new java.util.ArrayList<>();
		for (int week = 0; week < 13; week++) {
			closingDeltas.add(base.weekly().get(week).closing().subtract(stress.weekly().get(week).closing()));
			for (CashCategory category : CashCategory.values()) {
				if (category != CashCategory.RECEIVABLES) {
					assertThat(stress.weekly().get(week).outflow(category)).isEqualByComparingTo(base.weekly().get(week).outflow(category));
					assertThat(stress.weekly().get(week).inflow(category)).isEqualByComparingTo(base.weekly().get(week).inflow(category));
				}
			}
		}
		assertThat(closingDeltas).usingElementComparator(BigDecimal::compareTo).containsExactlyElementsOf(amounts(7_200, 12_700,
				15_000, 12_100, 7_780, 14_580, 14_480, 8_080, 12_880, 16_880, 15_580, 12_380, 12_580));
		assertThat(stress.closing()).isEqualByComparingTo("20820.00");
	}

	@Test
	void runwayEndsOnTheFirstNegativeDay() {
		// A child of BASE with a 20,000 tax payment on Friday 03-06: BASE closed 29,400 that day, so 9,400;
		// no negative day yet.
		// A second one-off of −12,000 on 03-07 takes 03-07 to 10,000 − 12,000 = −2,000: cash runs out on day 61.
		Scenario taxes = Scenario.of(ScenarioTemplate.BASE).child("taxes", new DriverOverrides(null, null, null, null, null,
				List.of(new OneOff("tax", "Corporate tax", LocalDate.of(2026, 3, 6), new BigDecimal("-20000.00"), "EUR"),
						new OneOff("fine", "Settlement", LocalDate.of(2026, 3, 7), new BigDecimal("-12000.00"), "EUR"))));
		CashForecast forecast = engine.forecast(CashFixture.inputs(), taxes);
		// 03-06 is day 60 (26 days left in January, 28 in February, 6 in March), 03-07 day 61.
		assertThat(forecast.daily().get(60).closing()).isEqualByComparingTo("9400.00");
		assertThat(forecast.daily().get(61).closing()).isEqualByComparingTo("-2000.00");
		assertThat(forecast.cashOutDate()).isEqualTo(LocalDate.of(2026, 3, 7));
		assertThat(forecast.runwayDays()).isEqualTo(61);
		assertThat(forecast.weekly().get(8).outflow(CashCategory.ONE_OFF)).isEqualByComparingTo("32000.00");
	}

	private static List<BigDecimal> amounts(int... values) {
		return java.util.Arrays.stream(values).mapToObj(BigDecimal::valueOf).toList();
	}

}
