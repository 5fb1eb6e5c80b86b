package com.performanceos.scenarios.cash;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.performanceos.scenarios.recurring.Cadence;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The totals a recalculation sums in cents are exactly the sums of the flows the drill-down projects, day by day and
 * category by category, whatever the drivers: foreign currencies, credit notes, overdue and out-of-horizon facts,
 * collection rates with many decimals and ties in the half-even rounding.
 */
class CashForecastTotalsTests {

	private static final LocalDate AS_OF = LocalDate.parse("2026-01-05");

	private final CashForecastEngine engine = new CashForecastEngine();

	@Test
	void centTotalsEqualTheSumsOfTheDrilldownFlowsUnderEveryDriver() {
		PreparedFacts facts = engine.prepare(randomInputs(new Random(11), new BigDecimal("0.25")));
		List<Drivers> sliders = List.of(ScenarioTemplate.BASE.drivers(), ScenarioTemplate.STRESS.drivers(),
				ScenarioTemplate.GROWTH.drivers(), drivers(-12, "0.333", 9, "0.17"), drivers(30, "0.125", -5, "-0.5"),
				drivers(7, "0.005", 0, "0"), drivers(0, "0", 365, "0.1"));
		for (Drivers drivers : sliders) {
			assertTotalsAreTheSumsOfTheFlows(engine.forecast(facts, drivers));
		}
	}

	@Test
	void amountsBeyondTheCentsRangeAreTotalledFromTheExactFlows() {
		ForecastInputs inputs = new ForecastInputs(AS_OF, 14, "EUR", List.of(), List.of(),
				List.of(new ForecastInputs.Receivable("huge", "C", AS_OF.plusDays(2), new BigDecimal("90000000000000000.07"), "EUR"),
						new ForecastInputs.Receivable("small", "C", AS_OF.plusDays(2), new BigDecimal("1.01"), "EUR")),
				Map.of(), List.of(), List.of(), new ForecastInputs.RunRate("none", AS_OF, List.of()));

		CashForecast forecast = engine.forecast(inputs, drivers(0, "0.5", 0, "0"));

		assertThat(forecast.daily().get(2).inflow(CashCategory.RECEIVABLES)).isEqualTo(new BigDecimal("45000000000000000.54"));
		assertTotalsAreTheSumsOfTheFlows(forecast);
	}

	@Test
	void ratesRoundHalfEvenToWholeCentsLikeBigDecimal() {
		DailyTotals.Rate rate = DailyTotals.Rate.of(new BigDecimal("0.5"));
		// 0.5 × 1, 3, 5, -1, -3 cents: the halves go to the even neighbour, as setScale(2, HALF_EVEN) does.
		assertThat(List.of(rate.applyTo(1), rate.applyTo(3), rate.applyTo(5), rate.applyTo(-1), rate.applyTo(-3))).containsExactly(0L, 2L, 2L,
				0L, -2L);
		Random random = new Random(3);
		for (int sample = 0; sample < 10_000; sample++) {
			long cents = random.nextLong(-10_000_000_000L, 10_000_000_000L);
			BigDecimal factor = BigDecimal.valueOf(random.nextInt(1_000_001), random.nextInt(7));
			long expected = BigDecimal.valueOf(cents, 2).multiply(factor).setScale(2, RoundingMode.HALF_EVEN).unscaledValue().longValueExact();
			assertThat(DailyTotals.Rate.of(factor).applyTo(cents)).as("%d cents × %s", cents, factor).isEqualTo(expected);
		}
	}

	private static void assertTotalsAreTheSumsOfTheFlows(CashForecast forecast) {
		BigDecimal balance = forecast.opening();
		int flowCount = 0;
		for (Bucket day : forecast.daily()) {
			Map<CashCategory, BigDecimal> in = new HashMap<>();
			Map<CashCategory, BigDecimal> out = new HashMap<>();
			for (CashFlow flow : day.flows()) {
				assertThat(flow.date()).isEqualTo(day.start());
				if (flow.amount().signum() > 0) {
					in.merge(flow.category(), flow.amount(), BigDecimal::add);
				}
				else if (flow.amount().signum() < 0) {
					out.merge(flow.category(), flow.amount().negate(), BigDecimal::add);
				}
				balance = balance.add(flow.amount());
				flowCount++;
			}
			assertThat(day.inflows()).as("inflows of %s", day.start()).isEqualTo(in);
			assertThat(day.outflows()).as("outflows of %s", day.start()).isEqualTo(out);
			assertThat(day.closing()).as("closing of %s", day.start()).isEqualTo(balance);
		}
		assertThat(flowCount).isPositive();
		assertThat(forecast.weekly().stream().mapToInt(week -> week.flows().size()).sum()).isEqualTo(flowCount);
	}

	private static Drivers drivers(int shiftDays, String collectionRate, int stretchDays, String expenseChange) {
		return new Drivers(new BigDecimal("0.07"), shiftDays, new BigDecimal(collectionRate), stretchDays, new BigDecimal(expenseChange),
				List.of(new OneOff("o-1", "tax refund", AS_OF.plusDays(20), new BigDecimal("1234.56"), "USD")));
	}

	/** 3,000 invoices (a tenth in USD, some credit notes), 600 bills, two recurring series, a run-rate. */
	private static ForecastInputs randomInputs(Random random, BigDecimal usdRate) {
		List<ForecastInputs.Receivable> receivables = new ArrayList<>();
		for (int index = 0; index < 3_000; index++) {
			long cents = random.nextInt(5_000_000) - (index % 50 == 0 ? 6_000_000 : 0);
			receivables.add(new ForecastInputs.Receivable("INV-" + index, "C" + random.nextInt(300), AS_OF.plusDays(random.nextInt(200) - 80),
					BigDecimal.valueOf(cents, 2), index % 10 == 0 ? "USD" : "EUR"));
		}
		Map<String, Integer> delays = new HashMap<>();
		for (int customer = 0; customer < 200; customer++) {
			delays.put("C" + customer, random.nextInt(45));
		}
		List<ForecastInputs.Payable> payables = new ArrayList<>();
		for (int index = 0; index < 600; index++) {
			payables.add(new ForecastInputs.Payable("BILL-" + index, "S" + random.nextInt(50), AS_OF.plusDays(random.nextInt(150) - 30),
					BigDecimal.valueOf(random.nextInt(2_000_000), 2), index % 7 == 0 ? "USD" : "EUR"));
		}
		return new ForecastInputs(AS_OF, 91, "EUR",
				List.of(new ForecastInputs.BankBalance("eur", new BigDecimal("250000.00"), "EUR"),
						new ForecastInputs.BankBalance("usd", new BigDecimal("40000.00"), "USD")),
				List.of(new ForecastInputs.ExchangeRate("EUR", "USD", LocalDate.parse("2025-12-01"), BigDecimal.ONE.divide(usdRate))),
				receivables, delays, payables,
				List.of(new ForecastInputs.RecurringFlow("rent", "Rent", Cadence.MONTHLY, AS_OF.plusDays(3), new BigDecimal("-2500.00"), "EUR"),
						new ForecastInputs.RecurringFlow("payroll", "Payroll", Cadence.WEEKLY, AS_OF.plusDays(4), new BigDecimal("-4000.33"),
								"EUR")),
				new ForecastInputs.RunRate("run-rate", AS_OF, Collections.nCopies(91, new BigDecimal("600.01"))));
	}

}
