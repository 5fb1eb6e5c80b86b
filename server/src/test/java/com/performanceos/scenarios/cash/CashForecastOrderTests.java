package com.performanceos.scenarios.cash;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.performanceos.scenarios.recurring.Cadence;

import static org.assertj.core.api.Assertions.assertThat;

/** The output does not depend on the order of the facts: each day lists its flows by category, then source id. */
class CashForecastOrderTests {

	private static final LocalDate AS_OF = LocalDate.parse("2026-03-02");

	@Test
	void eachDayListsItsFlowsByCategoryThenSourceIdWhateverTheInputOrder() {
		List<ForecastInputs.Receivable> receivables = List.of(
				new ForecastInputs.Receivable("INV-9", "C", AS_OF.plusDays(1), new BigDecimal("10"), "EUR"),
				new ForecastInputs.Receivable("INV-10", "C", AS_OF.plusDays(1), new BigDecimal("20"), "EUR"),
				new ForecastInputs.Receivable("INV-1", "C", AS_OF.minusDays(30), new BigDecimal("5"), "EUR"));
		List<ForecastInputs.Payable> payables = List.of(
				new ForecastInputs.Payable("B-2", "S", AS_OF.plusDays(1), new BigDecimal("7"), "EUR"),
				new ForecastInputs.Payable("B-1", "S", AS_OF.plusDays(1), new BigDecimal("3"), "EUR"));
		List<ForecastInputs.RecurringFlow> recurring = List.of(
				new ForecastInputs.RecurringFlow("Z", "z", Cadence.WEEKLY, AS_OF.plusDays(1), new BigDecimal("-1"), "EUR"),
				new ForecastInputs.RecurringFlow("A", "a", Cadence.WEEKLY, AS_OF.plusDays(1), new BigDecimal("-2"), "EUR"));
		Drivers drivers = new Drivers(BigDecimal.ZERO, 0, BigDecimal.ONE, 0, BigDecimal.ZERO,
				List.of(new OneOff("o-2", "second", AS_OF.plusDays(1), new BigDecimal("4"), "EUR"),
						new OneOff("o-1", "first", AS_OF.plusDays(1), new BigDecimal("-4"), "EUR")));

		CashForecast forward = forecast(receivables, payables, recurring, drivers);
		CashForecast reversed = forecast(receivables.reversed(), payables.reversed(), recurring.reversed(),
				new Drivers(BigDecimal.ZERO, 0, BigDecimal.ONE, 0, BigDecimal.ZERO, drivers.oneOffs().reversed()));

		assertThat(ids(forward.daily().get(1))).containsExactly("INV-10", "INV-9", "B-1", "B-2", "A", "Z", "o-1", "o-2");
		assertThat(ids(reversed.daily().get(1))).isEqualTo(ids(forward.daily().get(1)));
		// The overdue invoice lands on the first day.
		assertThat(ids(forward.daily().get(0))).containsExactly("INV-1");
		assertThat(ids(forward.weekly().get(0))).containsExactly("INV-1", "INV-10", "INV-9", "B-1", "B-2", "A", "Z", "o-1", "o-2");
		assertThat(forward.weekly().get(0).inflow(CashCategory.RECEIVABLES)).isEqualByComparingTo("35");
		assertThat(forward.weekly().get(0).outflow(CashCategory.ONE_OFF)).isEqualByComparingTo("4");
		assertThat(reversed.daily()).isEqualTo(forward.daily());
		assertThat(reversed.weekly()).isEqualTo(forward.weekly());
	}

	private static CashForecast forecast(List<ForecastInputs.Receivable> receivables, List<ForecastInputs.Payable> payables,
			List<ForecastInputs.RecurringFlow> recurring, Drivers drivers) {
		ForecastInputs inputs = new ForecastInputs(AS_OF, 14, "EUR", List.of(), List.of(), receivables, Map.of(), payables, recurring,
				new ForecastInputs.RunRate("none", AS_OF, List.of()));
		return new CashForecastEngine().forecast(inputs, drivers);
	}

	private static List<String> ids(Bucket bucket) {
		return bucket.flows().stream().map(flow -> flow.source().id()).toList();
	}

}
