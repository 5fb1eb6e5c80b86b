package com.performanceos.scenarios.whatif;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

import com.performanceos.platform.security.Role;
import com.performanceos.platform.tenancy.TenantDatabase;
import com.performanceos.rules.commissions.runs.CommissionsWorld;
import com.performanceos.testsupport.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The commission what-if scenario kind through the GraphQL API: a plan variant's cost beside a scenario's cash, against
 * hand-computed figures, storing nothing. March 2026: Ana closes D-A (Pro, 40,000) and D-C (Basic, 30,000), Bob D-B (Pro,
 * 20,000); the plan pays 10 % (quotas of 100,000 are not reached). As published the month costs 9,000; with 12 % on Pro,
 * 10,200: a difference of 1,200 EUR, paid on 2026-04-15.
 */
class CommissionWhatIfIntegrationTests extends IntegrationTest {

	private static final String WHAT_IF = """
			query($input: ScenarioCommissionWhatIfInput!) {
			  scenarioCommissionWhatIf(input: $input) {
			    paymentDate cashEffect { amount currency } closingDelta { amount currency }
			    variant { currentCost variantCost delta currency reps { rep delta } }
			    baseline { closing { amount } lowestClosing { amount } }
			    withVariant {
			      closing { amount } lowestClosing { amount } lowestDate
			      buckets(granularity: DAY) { start outflows { category amount { amount } } flows(category: ONE_OFF) { sourceId amount { amount } } }
			    }
			  }
			}""";

	@Autowired
	private TenantDatabase database;

	@Test
	void aPlanVariantsCostIsPaidOnItsDayInTheScenariosForecastBesideTheBaselineAndNothingIsStored() {
		CommissionsWorld world = new CommissionsWorld("http://127.0.0.1:" + port, tokens, newTenant("whatif-commission"));
		String version = world.tenPercentMarch();
		String scenario = scenario(world.finance);
		long before = storedRows(world.tenant);

		GraphQlTester.Response answer = world.finance.document(WHAT_IF).variable("input", input(scenario, version, "2026-04-15")).execute();
		answer.path("scenarioCommissionWhatIf.variant.currentCost").entity(BigDecimal.class).satisfies(value -> assertThat(value).isEqualByComparingTo("9000"))
			.path("scenarioCommissionWhatIf.variant.variantCost").entity(BigDecimal.class).satisfies(value -> assertThat(value).isEqualByComparingTo("10200"))
			.path("scenarioCommissionWhatIf.variant.reps[*].rep").entityList(String.class).containsExactly("ana", "bob")
			.path("scenarioCommissionWhatIf.paymentDate").entity(String.class).isEqualTo("2026-04-15")
			.path("scenarioCommissionWhatIf.cashEffect.amount").entity(BigDecimal.class).satisfies(value -> assertThat(value).isEqualByComparingTo("-1200"))
			.path("scenarioCommissionWhatIf.cashEffect.currency").entity(String.class).isEqualTo("EUR")
			.path("scenarioCommissionWhatIf.closingDelta.amount").entity(BigDecimal.class).satisfies(value -> assertThat(value).isEqualByComparingTo("-1200"))
			.path("scenarioCommissionWhatIf.closingDelta.currency").entity(String.class).isEqualTo("EUR");
		BigDecimal baselineClosing = answer.path("scenarioCommissionWhatIf.baseline.closing.amount").entity(BigDecimal.class).get();
		answer.path("scenarioCommissionWhatIf.withVariant.closing.amount").entity(BigDecimal.class)
			.satisfies(value -> assertThat(value).isEqualByComparingTo(baselineClosing.subtract(new BigDecimal("1200"))));
		// Day by day: the difference leaves on the 15th (the 15th bucket of a forecast from April 1st), nowhere else.
		List<Map<String, Object>> days = answer.path("scenarioCommissionWhatIf.withVariant.buckets")
			.entityList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
			}).get();
		assertThat(days).hasSize(30);
		for (Map<String, Object> day : days) {
			@SuppressWarnings("unchecked")
			List<Map<String, Object>> flows = (List<Map<String, Object>>) day.get("flows");
			if (day.get("start").equals("2026-04-15")) {
				assertThat(flows).singleElement().satisfies(flow -> {
					assertThat(flow.get("sourceId")).isEqualTo(CommissionWhatIf.ONE_OFF_ID);
					assertThat(new BigDecimal(String.valueOf(((Map<?, ?>) flow.get("amount")).get("amount")))).isEqualByComparingTo("-1200");
				});
			}
			else {
				assertThat(flows).as("one-offs on " + day.get("start")).isEmpty();
			}
		}
		assertThat(storedRows(world.tenant)).as("runs, lines, scenarios, versions and audit records").isEqualTo(before);
	}

	@Test
	void refusesWhatItCannotPlaceAndKeepsRolesAndTenantsApart() {
		CommissionsWorld world = new CommissionsWorld("http://127.0.0.1:" + port, tokens, newTenant("whatif-refusals"));
		String version = world.tenPercentMarch();
		String scenario = scenario(world.finance);

		// A payment outside the forecast (April 1st + 30 days), or before the month it pays, is refused.
		badInput(world.finance.document(WHAT_IF).variable("input", input(scenario, version, "2026-06-01")).execute());
		badInput(world.finance.document(WHAT_IF).variable("input", input(scenario, version, "2026-02-27")).execute());
		// A month the version pays nobody: null, as commissionPlanVariant answers.
		Map<String, Object> april = input(scenario, version, "2026-04-15");
		april.put("period", "2026-04");
		world.finance.document(WHAT_IF).variable("input", april).execute().path("scenarioCommissionWhatIf").valueIsNull();

		// SALES_OPS may cost a variant but not read cash; ANALYST may read cash but not every rep's payable; a REP neither.
		for (Role role : List.of(Role.SALES_OPS, Role.ANALYST, Role.REP)) {
			world.as("someone-" + role, role).document(WHAT_IF).variable("input", input(scenario, version, "2026-04-15")).execute().errors()
				.satisfy(errors -> assertThat(errors).isNotEmpty()
					.allSatisfy(error -> assertThat(error.getExtensions()).containsEntry("code", "FORBIDDEN")));
		}
		// Another tenant's FINANCE names this tenant's scenario and plan version: not found, no figure.
		GraphQlTester other = graphQl(newTenant("whatif-other"), Role.FINANCE);
		GraphQlTester.Response foreign = other.document(WHAT_IF).variable("input", input(scenario, version, "2026-04-15")).execute();
		foreign.path("scenarioCommissionWhatIf").valueIsNull();
		foreign.errors().satisfy(errors -> assertThat(errors).isEmpty());
		String otherScenario = scenario(other);
		GraphQlTester.Response mixed = other.document(WHAT_IF).variable("input", input(otherScenario, version, "2026-04-15")).execute();
		mixed.path("scenarioCommissionWhatIf").valueIsNull();
	}

	private static String scenario(GraphQlTester finance) {
		Map<String, Object> input = new LinkedHashMap<>();
		input.put("idempotencyKey", "scenario-base");
		input.put("name", "Base");
		input.put("template", "BASE");
		input.put("reportingCurrency", "EUR");
		input.put("drivers", Map.of());
		GraphQlTester.Response response = finance.documentName("scenarioCreate").variable("input", input).execute();
		response.path("createScenario.userErrors").entityList(Object.class).hasSize(0);
		return response.path("createScenario.scenario.id").entity(String.class).get();
	}

	private static Map<String, Object> input(String scenario, String version, String paymentDate) {
		Map<String, Object> input = new LinkedHashMap<>();
		input.put("scenarioId", scenario);
		input.put("period", "2026-03");
		input.put("planVersionId", version);
		input.put("rates", List.of(Map.of("product", "Pro", "ratePercent", "12")));
		input.put("paymentDate", paymentDate);
		input.put("asOf", "2026-04-01");
		input.put("horizonDays", 30);
		return input;
	}

	private static void badInput(GraphQlTester.Response response) {
		response.errors().satisfy(errors -> assertThat(errors).singleElement()
			.satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "BAD_USER_INPUT")));
		response.path("scenarioCommissionWhatIf").valueIsNull();
	}

	private long storedRows(String tenant) {
		return database.inTransaction(tenant, db -> db.sql("SELECT (SELECT count(*) FROM commission_run) + (SELECT count(*) FROM commission_line) "
				+ "+ (SELECT count(*) FROM scenarios_scenario) + (SELECT count(*) FROM scenarios_version) + (SELECT count(*) FROM audit_log) AS total")
			.map(row -> row.get("total", Long.class)).one()).block();
	}

}
