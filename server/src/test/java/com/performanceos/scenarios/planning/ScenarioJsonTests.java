package com.performanceos.scenarios.planning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import com.performanceos.scenarios.cash.DriverOverrides;
import com.performanceos.scenarios.cash.ForecastInputs;
import com.performanceos.scenarios.cash.OneOff;
import com.performanceos.scenarios.recurring.Cadence;

import static org.assertj.core.api.Assertions.assertThat;

/** A version's digest is taken over this JSON: it must read back to the same value and write again to the same text. */
class ScenarioJsonTests {

	private final ScenarioJson json = new ScenarioJson(JsonMapper.builder().build());

	@Test
	void frozenInputsRoundTripToTheSameCanonicalText() {
		LocalDate asOf = LocalDate.parse("2026-03-02");
		ForecastInputs inputs = new ForecastInputs(asOf, 91, "EUR",
				List.of(new ForecastInputs.BankBalance("b", new BigDecimal("3000.000000"), "EUR")),
				List.of(new ForecastInputs.ExchangeRate("USD", "EUR", asOf, new BigDecimal("0.92"))),
				List.of(new ForecastInputs.Receivable("INV", "C2", asOf, new BigDecimal("10.50"), "USD")),
				Map.of("C2", 4, "C1", 10, "C3", -2),
				List.of(new ForecastInputs.Payable("B", "S", asOf, new BigDecimal("1"), "EUR")),
				List.of(new ForecastInputs.RecurringFlow("RENT|EUR|OUT", "RENT", Cadence.MONTHLY, asOf, new BigDecimal("-2400.00"), "EUR")),
				new ForecastInputs.RunRate("m", asOf, List.of(new BigDecimal("12.30"), new BigDecimal("0.00"))));
		String text = json.write(inputs);

		ForecastInputs read = json.read(text, ForecastInputs.class);

		assertThat(read).isEqualTo(inputs);
		assertThat(json.write(read)).isEqualTo(text);
		// Map entries in key order whatever the map's own order: the same facts always give the same digest.
		assertThat(text).contains("{\"C1\":10,\"C2\":4,\"C3\":-2}");
	}

	@Test
	void overridesKeepTheirInheritedNullsAndOneOffs() {
		DriverOverrides overrides = new DriverOverrides(null, 14, new BigDecimal("0.80"), null, null,
				List.of(new OneOff("1", "Tax refund", LocalDate.parse("2026-04-15"), new BigDecimal("5000.00"), "EUR")));
		assertThat(json.read(json.write(overrides), DriverOverrides.class)).isEqualTo(overrides);
	}

}
