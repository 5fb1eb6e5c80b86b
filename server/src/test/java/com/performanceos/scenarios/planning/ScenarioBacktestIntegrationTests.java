package com.performanceos.scenarios.planning;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.graphql.test.tester.GraphQlTester;

import com.performanceos.ledger.bank.BankFixtures;
import com.performanceos.platform.security.Role;
import com.performanceos.testsupport.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * A backtest as a job, on a bank account opened with 1,000.00 on 2026-01-01 that receives +10.00 every day.
 * The BASE forecast made at the cut-off 2026-02-01 has no flow (no invoice, no confirmed series, no run-rate),
 * so it stays at the balance at the start of the day, 1,000 + 31 × 10 = 1,310; the actual closing of day k
 * (k = 1 on the cut-off) is 1,310 + 10k. Errors are 10k: MAE over h days = 5(h + 1), bias = −MAE; the 28
 * actual closings before the cut-off rise 70 a week, so the seasonal-naive scale is 70 and MASE = 5(h + 1) / 70;
 * MAPE = mean 10k / (1310 + 10k); WAPE = Σ10k / Σ(1310 + 10k).
 */
class ScenarioBacktestIntegrationTests extends IntegrationTest {

	private static final String START = "mutation($input: StartScenarioBacktestInput!) { startScenarioBacktest(input: $input) { "
			+ "backtest { id cutoffs horizons job { id kind } } userErrors { code field } } }";

	@Autowired
	private ApplicationContext context;

	@Test
	void aBacktestRunsAsAJobAndItsMeasuresEqualTheHandComputedOnes() {
		String tenant = newTenant("backtest");
		GraphQlTester finance = graphQl(tenant, Role.FINANCE);
		risingBankAccount(finance, tenant);
		String scenario = ScenarioFixture.scenario(finance, "Base", "BASE", Map.of());

		GraphQlTester.Response started = finance.document(START)
			.variable("input", Map.of("scenarioId", scenario, "cutoffs", List.of("2026-02-01"), "horizons", List.of(30, 7)))
			.execute();
		started.path("startScenarioBacktest.backtest.horizons").entityList(Integer.class).containsExactly(7, 30);
		started.path("startScenarioBacktest.backtest.job.kind").entity(String.class).isEqualTo("scenarios.backtest");
		String backtest = started.path("startScenarioBacktest.backtest.id").entity(String.class).get();

		GraphQlTester analyst = graphQl(tenant, Role.ANALYST);
		String read = "query($id: ID!) { scenarioBacktest(id: $id) { scenario { name } job { status progress { done total } error } "
				+ "results { cutoff horizonDays mae mape wape bias mase } } }";
		await().atMost(Duration.ofSeconds(60)).until(() -> "SUCCEEDED".equals(analyst.document(read).variable("id", backtest).execute()
			.path("scenarioBacktest.job.status").entity(String.class).get()));
		GraphQlTester.Response done = analyst.document(read).variable("id", backtest).execute();
		done.path("scenarioBacktest.job.progress.done").entity(Integer.class).isEqualTo(1);
		done.path("scenarioBacktest.scenario.name").entity(String.class).isEqualTo("Base");
		List<Map> results = done.path("scenarioBacktest.results").entityList(Map.class).get();
		assertThat(results).hasSize(2);
		for (Map measure : results) {
			int horizon = ((Number) measure.get("horizonDays")).intValue();
			assertThat(measure.get("cutoff")).isEqualTo("2026-02-01");
			double mape = 0;
			double errors = 0;
			double actuals = 0;
			for (int k = 1; k <= horizon; k++) {
				mape += 10.0 * k / (1310 + 10.0 * k);
				errors += 10.0 * k;
				actuals += 1310 + 10.0 * k;
			}
			assertThat(number(measure, "mae")).isCloseTo(5.0 * (horizon + 1), within(1e-9));
			assertThat(number(measure, "bias")).isCloseTo(-5.0 * (horizon + 1), within(1e-9));
			assertThat(number(measure, "mase")).isCloseTo(5.0 * (horizon + 1) / 70, within(1e-9));
			assertThat(number(measure, "mape")).isCloseTo(mape / horizon, within(1e-9));
			assertThat(number(measure, "wape")).isCloseTo(errors / actuals, within(1e-9));
		}
		// The hand-computed figures of the two horizons: MASE 40 / 70 and 155 / 70.
		assertThat(results).extracting(measure -> number(measure, "mase")).containsExactly(40.0 / 70, 155.0 / 70);

		// Another tenant cannot read it; a cut-off whose horizon is not over yet is refused before any job.
		graphQl(newTenant("backtest-other"), Role.FINANCE).document(read).variable("id", backtest).execute()
			.path("scenarioBacktest").valueIsNull();
		finance.document(START).variable("input", Map.of("scenarioId", scenario, "cutoffs", List.of(LocalDate.now().toString())))
			.execute()
			.path("startScenarioBacktest.userErrors[0].field[1]").entity(String.class).isEqualTo("cutoffs");
	}

	private static double number(Map<?, ?> measure, String field) {
		return ((Number) measure.get(field)).doubleValue();
	}

	private void risingBankAccount(GraphQlTester finance, String tenant) {
		String externalId = "agg-" + tenant;
		String ledgerAccount = finance.documentName("createAccount")
			.variable("input", Map.of("idempotencyKey", "acc", "code", "512000", "name", "Bank", "type", "ASSET", "currency", "EUR"))
			.execute().path("createAccount.account.id").entity(String.class).get();
		Map<String, Object> bank = new LinkedHashMap<>();
		bank.put("idempotencyKey", "bank");
		bank.put("name", "Main account");
		bank.put("bankName", "Banque");
		bank.put("entity", "FR-PARIS");
		bank.put("currency", "EUR");
		bank.put("iban", BankFixtures.iban("30004000031234567890" + "145"));
		bank.put("ledgerAccountId", ledgerAccount);
		bank.put("openingBalance", "1000.00");
		bank.put("openingDate", "2026-01-01");
		bank.put("externalId", externalId);
		finance.documentName("bankCreateBankAccount").variable("input", bank).execute()
			.path("createBankAccount.userErrors").entityList(Object.class).hasSize(0);
		List<Map<String, Object>> history = new ArrayList<>();
		for (LocalDate day = LocalDate.parse("2026-01-01"); day.isBefore(LocalDate.parse("2026-03-10")); day = day.plusDays(1)) {
			history.add(BankFixtures.transaction("in-" + day, day.toString(), "10.00", "EUR", "CLIENT " + day.getDayOfYear(), "VIR " + day));
		}
		new BankFixtures(web, context).deliverAll(externalId, history);
	}

}
