package com.performanceos.rules.commissions.runs;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.performanceos.testsupport.IntegrationTest;
import com.performanceos.testsupport.TestServices;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deals in another currency than their plan's, converted at the effective-dated rate (platform/reference
 * {@code fx.nok.eur}: 0.085 until 2026-03-15, 0.090 from then) in force on each deal's close date; a deal whose rate is
 * missing fails the run with MISSING_EXCHANGE_RATE naming the currency and the date, never converts at 1.
 */
class ExchangeRateIntegrationTests extends IntegrationTest {

	private static final String RUN_FAILURE = "query($id: ID!) { calculationRun(id: $id) { status error "
			+ "failure { code currency planCurrency date message } } }";

	@BeforeAll
	static void rates() throws Exception {
		try (Connection connection = TestServices.shared().superuserConnection(); Statement sql = connection.createStatement()) {
			sql.executeUpdate("INSERT INTO reference_value (key, effective_from, effective_to, value, unit, source) VALUES "
					+ "('fx.nok.eur', '2026-01-01', '2026-03-15', 0.085, 'RATE', 'test'), ('fx.nok.eur', '2026-03-15', NULL, 0.090, 'RATE', 'test') "
					+ "ON CONFLICT DO NOTHING");
		}
	}

	private CommissionsWorld world(String prefix) {
		return new CommissionsWorld("http://127.0.0.1:" + port, tokens, newTenant(prefix));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> total(Map<String, Object> run, String rep) {
		return ((List<Map<String, Object>>) run.get("totals")).stream().filter(total -> rep.equals(total.get("rep"))).findFirst().orElseThrow();
	}

	@Test
	void dealsInAnotherCurrencyAreConvertedAtTheRateInForceOnTheirCloseDate() {
		CommissionsWorld world = world("commissions-fx");
		// 50,000 EUR; 200,000 NOK x 0.085 = 17,000 EUR (10 March); 500,000 NOK x 0.090 = 45,000 EUR (20 March).
		world.importDeals("deals", """
				D-EUR,ana,Pro,FR,50000.00,50000.00,CLOSED_WON,2026-03-05,EUR
				D-NOK1,ana,Pro,NO,200000.00,200000.00,CLOSED_WON,2026-03-10,NOK
				D-NOK2,ana,Pro,NO,500000.00,500000.00,CLOSED_WON,2026-03-20,NOK
				""");
		world.importQuotas("quotas", "ana,2026-03,100000,EUR\n");
		world.assign(world.publishedPlan("AE fx", CommissionsWorld.plan("GRADUATED", Map.of())), "2026-03", "ana");

		Map<String, Object> run = world.run("march", "2026-03", Map.of());
		assertThat(run).containsEntry("status", "SUCCEEDED").containsEntry("lineCount", 3);
		// Credited 50,000 + 17,000 + 45,000 = 112,000 EUR. GRADUATED in close date order: 5,000 + 1,700, then the last deal
		// takes 67,000 to 112,000: 33,000 at 10 % (3,300) and 12,000 at 15 % (1,800) = 5,100. In all 11,800.
		assertThat(new BigDecimal(String.valueOf(total(run, "ana").get("credited")))).isEqualByComparingTo("112000");
		assertThat(new BigDecimal(String.valueOf(total(run, "ana").get("payable")))).isEqualByComparingTo("11800");
		var statement = world.salesOps.documentName("commissionsStatement").variable("rep", "ana").variable("period", "2026-03").execute();
		statement.path("commissionStatement.lines.nodes[*].amount.amount").entityList(String.class)
			.satisfies(amounts -> assertThat(amounts).extracting(BigDecimal::new).usingElementComparator(BigDecimal::compareTo)
				.containsExactly(new BigDecimal("5000"), new BigDecimal("1700"), new BigDecimal("5100")));
		statement.path("commissionStatement.lines.nodes[*].amount.currency").entityList(String.class).containsExactly("EUR", "EUR", "EUR");
		statement.path("commissionStatement.lines.nodes[1].trace.fx").entity(Map.class).satisfies(fx -> {
			assertThat(fx).containsEntry("from", "NOK").containsEntry("to", "EUR").containsEntry("asOf", "2026-03-10");
			assertThat(new BigDecimal(String.valueOf(fx.get("rate")))).isEqualByComparingTo("0.085");
			assertThat(new BigDecimal(String.valueOf(fx.get("amount")))).isEqualByComparingTo("17000");
		});
		statement.path("commissionStatement.lines.nodes[2].trace.fx.rate").entity(String.class)
			.satisfies(rate -> assertThat(new BigDecimal(rate)).isEqualByComparingTo("0.09"));
		statement.path("commissionStatement.lines.nodes[0].trace.fx").pathDoesNotExist();
		statement.path("commissionStatement.lines.nodes[2].trace.deal.amount").entity(String.class)
			.satisfies(amount -> assertThat(new BigDecimal(amount)).as("the trace keeps the deal's own amount").isEqualByComparingTo("500000"));
	}

	@Test
	void aMissingRateFailsTheRunNamingTheCurrencyAndTheDate() {
		CommissionsWorld world = world("commissions-fx-missing");
		world.importDeals("deals", """
				D-EUR,ana,Pro,FR,50000.00,50000.00,CLOSED_WON,2026-03-05,EUR
				D-SEK,ana,Pro,SE,100000.00,100000.00,CLOSED_WON,2026-03-12,SEK
				""");
		world.importQuotas("quotas", "ana,2026-03,100000,EUR\n");
		world.assign(world.publishedPlan("AE fx missing", CommissionsWorld.plan("GRADUATED", Map.of())), "2026-03", "ana");

		Map<String, Object> run = world.run("march", "2026-03", Map.of());
		assertThat(run).containsEntry("status", "FAILED");
		assertThat(run.get("lineCount")).isNull();
		var failure = world.finance.document(RUN_FAILURE).variable("id", run.get("id")).execute();
		failure.path("calculationRun.failure.code").entity(String.class).isEqualTo("MISSING_EXCHANGE_RATE");
		failure.path("calculationRun.failure.currency").entity(String.class).isEqualTo("SEK");
		failure.path("calculationRun.failure.planCurrency").entity(String.class).isEqualTo("EUR");
		failure.path("calculationRun.failure.date").entity(String.class).isEqualTo("2026-03-12");
		failure.path("calculationRun.error").entity(String.class)
			.satisfies(error -> assertThat(error).contains("SEK").contains("EUR").contains("2026-03-12").contains("D-SEK"));
	}

}
