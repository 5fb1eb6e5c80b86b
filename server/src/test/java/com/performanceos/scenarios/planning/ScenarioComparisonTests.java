package com.performanceos.scenarios.planning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.performanceos.scenarios.cash.CashCategory;
import com.performanceos.scenarios.cash.CashForecastEngine;
import com.performanceos.scenarios.cash.ForecastInputs;
import com.performanceos.scenarios.cash.ScenarioTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScenarioComparisonTests {

	private static final LocalDate AS_OF = LocalDate.parse("2026-03-02");

	/** 1,000 opening; one 1,000 invoice due on day 3 (no delay); one 400 bill due on day 10; 14 days. */
	private static final ForecastInputs INPUTS = new ForecastInputs(AS_OF, 14, "EUR",
			List.of(new ForecastInputs.BankBalance("bank", new BigDecimal("1000.00"), "EUR")), List.of(),
			List.of(new ForecastInputs.Receivable("INV-1", "C1", AS_OF.plusDays(3), new BigDecimal("1000.00"), "EUR")), Map.of(),
			List.of(new ForecastInputs.Payable("BILL-1", "S1", AS_OF.plusDays(10), new BigDecimal("400.00"), "EUR")), List.of(),
			new ForecastInputs.RunRate("none", AS_OF, List.of()));

	@Test
	void deltasAreTheOtherForecastMinusTheFirstPerBucketAndCategory() {
		CashForecastEngine engine = new CashForecastEngine();
		ForecastView base = new ForecastView(engine.forecast(INPUTS, ScenarioTemplate.BASE.drivers()), AS_OF, 14);
		ForecastView stress = new ForecastView(engine.forecast(INPUTS, ScenarioTemplate.STRESS.drivers()), AS_OF, 14);

		ScenarioComparison comparison = ScenarioComparison.of(ForecastView.Granularity.WEEK,
				List.of(new ScenarioComparison.Series("base", null, null, base), new ScenarioComparison.Series("stress", null, null, stress)));

		// BASE collects 1,000 in week 1; STRESS collects 800 fourteen days later, beyond the 14-day horizon.
		assertThat(comparison.deltas()).singleElement().satisfies(delta -> {
			assertThat(delta.series()).isEqualTo(1);
			assertThat(delta.buckets()).hasSize(2);
			ScenarioComparison.BucketDelta week1 = delta.buckets().get(0);
			assertThat(week1.closing().amount()).isEqualByComparingTo("-1000");
			assertThat(week1.inflows()).singleElement().satisfies(inflow -> {
				assertThat(inflow.category()).isEqualTo(CashCategory.RECEIVABLES);
				assertThat(inflow.amount().amount()).isEqualByComparingTo("-1000");
			});
			ScenarioComparison.BucketDelta week2 = delta.buckets().get(1);
			assertThat(week2.closing().amount()).isEqualByComparingTo("-1000");
			assertThat(week2.outflows()).singleElement().satisfies(outflow -> assertThat(outflow.amount().amount()).isZero());
		});
	}

	@Test
	void refusesFewerThanTwoForecasts() {
		ForecastView base = new ForecastView(new CashForecastEngine().forecast(INPUTS, ScenarioTemplate.BASE.drivers()), AS_OF, 14);
		assertThatThrownBy(() -> ScenarioComparison.of(ForecastView.Granularity.DAY, List.of(new ScenarioComparison.Series("b", null, null, base))))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
