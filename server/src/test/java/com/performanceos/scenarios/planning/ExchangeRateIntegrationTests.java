package com.performanceos.scenarios.planning;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

import com.performanceos.platform.security.Role;
import com.performanceos.testsupport.IntegrationTest;
import com.performanceos.testsupport.TestServices;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A EUR scenario over a CHF receivable converts through the effective-dated rates of the reference data
 * (fx.chf.eur 0.90 until 2026-03-01, 0.95 from then), at the rate in force on the day the facts are known
 * (the day before the forecast); a currency without a rate is refused with MISSING_EXCHANGE_RATE.
 */
class ExchangeRateIntegrationTests extends IntegrationTest {

	private static final String FORECAST = "query($id: ID!, $asOf: Date!) { node(id: $id) { ... on Scenario { forecast(asOf: $asOf) { "
			+ "closing { amount currency } } } } }";

	@Test
	void anAmountInAnotherCurrencyConvertsAtTheRateInForceAndAMissingRateIsATypedRefusal() throws Exception {
		try (Connection connection = TestServices.shared().superuserConnection(); Statement sql = connection.createStatement()) {
			sql.executeUpdate("INSERT INTO reference_value (key, effective_from, effective_to, value, unit, source) VALUES "
					+ "('fx.chf.eur', '2026-01-01', '2026-03-01', 0.90, 'RATE', 'test'), ('fx.chf.eur', '2026-03-01', NULL, 0.95, 'RATE', 'test')");
		}
		String tenant = newTenant("fx");
		GraphQlTester finance = graphQl(tenant, Role.FINANCE);
		invoice(finance, "F-1", "1000.00", "CHF");
		String scenario = ScenarioFixture.scenario(finance, "Base", "BASE", Map.of());

		assertThat(closing(finance, scenario, "2026-02-15")).isEqualByComparingTo("900.00");
		assertThat(closing(finance, scenario, "2026-03-05")).isEqualByComparingTo("950.00");

		String other = newTenant("fx-missing");
		GraphQlTester missing = graphQl(other, Role.FINANCE);
		invoice(missing, "J-1", "100000", "JPY");
		String refused = ScenarioFixture.scenario(missing, "Base", "BASE", Map.of());
		missing.document(FORECAST).variable("id", refused).variable("asOf", "2026-03-05").execute()
			.errors().satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "MISSING_EXCHANGE_RATE")));
		missing.documentName("scenarioSaveVersion")
			.variable("input", Map.of("idempotencyKey", "v", "scenarioId", refused, "asOf", "2026-03-05")).execute()
			.path("saveScenarioVersion.userErrors[0].code").entity(String.class).isEqualTo("MISSING_EXCHANGE_RATE");
	}

	private static BigDecimal closing(GraphQlTester finance, String scenario, String asOf) {
		GraphQlTester.Response response = finance.document(FORECAST).variable("id", scenario).variable("asOf", asOf).execute();
		response.path("node.forecast.closing.currency").entity(String.class).isEqualTo("EUR");
		return response.path("node.forecast.closing.amount").entity(BigDecimal.class).get();
	}

	private static void invoice(GraphQlTester finance, String number, String amount, String currency) {
		Map<String, Object> input = new LinkedHashMap<>();
		input.put("idempotencyKey", "inv-" + number);
		input.put("kind", "CUSTOMER");
		input.put("number", number);
		input.put("counterpartyCode", "X1");
		input.put("counterpartyName", "Kunde");
		input.put("region", "CH");
		input.put("issueDate", "2026-02-01");
		input.put("dueDate", "2026-03-10");
		input.put("amount", amount);
		input.put("currency", currency);
		finance.documentName("receivablesCreateInvoice").variable("input", input).execute()
			.path("createInvoice.invoice.id").entity(String.class).get();
	}

}
