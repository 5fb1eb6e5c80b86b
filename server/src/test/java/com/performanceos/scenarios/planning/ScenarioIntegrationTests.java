package com.performanceos.scenarios.planning;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

import com.performanceos.platform.security.Role;
import com.performanceos.testsupport.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Scenarios through the GraphQL API, over ledger data written through the ledger's own API (see {@link ScenarioFixture}). */
class ScenarioIntegrationTests extends IntegrationTest {

	private static final String AS_OF = ScenarioFixture.AS_OF.toString();

	@Test
	void baseForecastOfTheFixtureEqualsTheHandComputedSeries() {
		GraphQlTester finance = graphQl(newTenant("fc"), Role.FINANCE);
		new ScenarioFixture(finance).write();
		String base = ScenarioFixture.scenario(finance, "Base", "BASE", Map.of());

		GraphQlTester.Response weekly = forecast(finance, base, "WEEK");
		weekly.path("node.forecast.opening.amount").entity(BigDecimal.class).satisfies(amount -> assertThat(amount).isEqualByComparingTo("3000"));
		// Week by week: +1,000 C1 on 03-02, −1,500 bill 03-03, then the schedule of the fixture (hand-computed).
		assertThat(ScenarioFixture.weeklyClosings(weekly, "node.forecast")).containsExactly("2500", "2500", "4000", "6000", "5500",
				"7500", "9000", "11000", "9500", "10500", "10500", "11000", "11000");
		weekly.path("node.forecast.lowestClosing.amount").entity(BigDecimal.class).satisfies(amount -> assertThat(amount).isEqualByComparingTo("2500"));
		weekly.path("node.forecast.lowestDate").entity(String.class).isEqualTo("2026-03-03");
		weekly.path("node.forecast.cashOutDate").valueIsNull();
		weekly.path("node.forecast.runwayDays").valueIsNull();
		weekly.path("node.forecast.buckets").entityList(Object.class).hasSize(13);
		// Drill-down: C3 has no paid history, so its invoices take the portfolio median delay of 7 days.
		weekly.path("node.forecast.buckets[2].flows[?(@.sourceId == 'C3-0')].derivation").entityList(String.class)
			.containsExactly("due 2026-03-10 + 7 d portfolio median delay + 0 d shift; 2000.000000 EUR × 1 collected");
		weekly.path("node.forecast.buckets[2].flows[?(@.sourceId == 'C3-0')].date").entityList(String.class).containsExactly("2026-03-17");

		GraphQlTester.Response daily = forecast(finance, base, "DAY");
		daily.path("node.forecast.buckets").entityList(Object.class).hasSize(91);
		daily.path("node.forecast.buckets[0].inflows[0].category").entity(String.class).isEqualTo("RECEIVABLES");
		daily.path("node.forecast.buckets[1].outflows[0].amount.amount").entity(BigDecimal.class)
			.satisfies(amount -> assertThat(amount).isEqualByComparingTo("1500"));
		daily.path("node.forecast.closing.amount").entity(BigDecimal.class).satisfies(amount -> assertThat(amount).isEqualByComparingTo("11000"));
	}

	@Test
	void stressDiffersFromBaseExactlyByFourteenDaysAndTwentyPercentLessCollected() {
		GraphQlTester finance = graphQl(newTenant("stress"), Role.FINANCE);
		new ScenarioFixture(finance).write();
		String base = ScenarioFixture.scenario(finance, "Base", "BASE", Map.of());
		String stress = ScenarioFixture.scenario(finance, "Stress", "STRESS", Map.of());

		GraphQlTester.Response forecast = forecast(finance, stress, "WEEK");
		forecast.path("node.forecast.drivers.collectionDelayShiftDays").entity(Integer.class).isEqualTo(14);
		// Every receivable 14 days later at 80 %: C2-5 (expected 2026-05-27 + 14) leaves the horizon, so 0.8 × 22,500 = 18,000 in.
		assertThat(ScenarioFixture.weeklyClosings(forecast, "node.forecast")).containsExactly("1500", "0", "-700", "-1000", "-100", "1200",
				"500", "1800", "2700", "4000", "4000", "6000", "6000");
		forecast.path("node.forecast.lowestClosing.amount").entity(BigDecimal.class).satisfies(amount -> assertThat(amount).isEqualByComparingTo("-1000"));
		forecast.path("node.forecast.lowestDate").entity(String.class).isEqualTo("2026-03-24");
		forecast.path("node.forecast.cashOutDate").entity(String.class).isEqualTo("2026-03-17");
		forecast.path("node.forecast.runwayDays").entity(Integer.class).isEqualTo(15);

		GraphQlTester.Response compared = finance.documentName("scenarioCompare")
			.variable("input", Map.of("items", List.of(Map.of("scenarioId", base), Map.of("scenarioId", stress)), "asOf", AS_OF))
			.execute();
		compared.path("compareScenarios.deltas[0].series").entity(Integer.class).isEqualTo(1);
		// STRESS minus BASE, week by week: the differences of the two hand-computed series.
		assertThat(compared.path("compareScenarios.deltas[0].buckets[*].closing.amount").entityList(BigDecimal.class).get())
			.usingElementComparator(BigDecimal::compareTo)
			.containsExactly(decimals("-1000", "-2500", "-4700", "-7000", "-5600", "-6300", "-8500", "-9200", "-6800", "-6500", "-6500", "-5000", "-5000"));
		// Week 1: BASE collects C1-0 (1,000) on 03-02; STRESS nothing: receivables −1,000, payables unchanged (0).
		compared.path("compareScenarios.deltas[0].buckets[0].inflows[?(@.category == 'RECEIVABLES')].amount.amount").entityList(BigDecimal.class)
			.satisfies(amounts -> assertThat(amounts).singleElement().satisfies(amount -> assertThat(amount).isEqualByComparingTo("-1000")));
		compared.path("compareScenarios.deltas[0].buckets[0].outflows[?(@.category == 'PAYABLES')].amount.amount").entityList(BigDecimal.class)
			.satisfies(amounts -> assertThat(amounts).singleElement().satisfies(amount -> assertThat(amount).isEqualByComparingTo("0")));
	}

	@Test
	void aSavedVersionNeverChangesWhenInvoicesChangeLater() {
		GraphQlTester finance = graphQl(newTenant("version"), Role.FINANCE);
		ScenarioFixture fixture = new ScenarioFixture(finance).write();
		String base = ScenarioFixture.scenario(finance, "Base", "BASE", Map.of());
		GraphQlTester.Response saved = finance.documentName("scenarioSaveVersion")
			.variable("input", Map.of("idempotencyKey", "v1", "scenarioId", base, "asOf", AS_OF))
			.execute();
		saved.path("saveScenarioVersion.userErrors").entityList(Object.class).hasSize(0);
		saved.path("saveScenarioVersion.version.number").entity(Integer.class).isEqualTo(1);
		String version = saved.path("saveScenarioVersion.version.id").entity(String.class).get();
		String digest = saved.path("saveScenarioVersion.version.digest").entity(String.class).get();
		assertThat(digest).hasSize(64);

		// C1-0 (1,000, expected on the first day) is paid the day before the forecast starts; the bank has not seen it
		// yet. Paid 9 days late, C1's average delay stays round((10 + 9) / 2) = 10 days, so nothing else moves.
		fixture.pay(fixture.invoiceIds.get("C1-0"), "2026-03-01", "1000.00");

		GraphQlTester.Response frozen = finance.documentName("scenarioVersionForecast").variable("id", version).execute();
		frozen.path("node.digest").entity(String.class).isEqualTo(digest);
		frozen.path("node.forecast.closing.amount").entity(BigDecimal.class).satisfies(amount -> assertThat(amount).isEqualByComparingTo("11000"));
		frozen.path("node.forecast.lowestDate").entity(String.class).isEqualTo("2026-03-03");
		forecast(finance, base, "WEEK").path("node.forecast.closing.amount").entity(BigDecimal.class)
			.satisfies(amount -> assertThat(amount).isEqualByComparingTo("10000"));

		GraphQlTester.Response compared = finance.documentName("scenarioCompare")
			.variable("input", Map.of("items", List.of(Map.of("versionId", version), Map.of("scenarioId", base)), "asOf", AS_OF))
			.execute();
		compared.path("compareScenarios.series[0].version.id").entity(String.class).isEqualTo(version);
		assertThat(compared.path("compareScenarios.deltas[0].buckets[*].closing.amount").entityList(BigDecimal.class).get())
			.hasSize(13).allSatisfy(delta -> assertThat(delta).isEqualByComparingTo("-1000"));

		// Replaying the key answers the same version; a second save is number 2 with the new facts.
		finance.documentName("scenarioSaveVersion").variable("input", Map.of("idempotencyKey", "v1", "scenarioId", base, "asOf", AS_OF))
			.execute().path("saveScenarioVersion.version.id").entity(String.class).isEqualTo(version);
		finance.documentName("scenarioSaveVersion").variable("input", Map.of("idempotencyKey", "v2", "scenarioId", base, "asOf", AS_OF))
			.execute().path("saveScenarioVersion.version.number").entity(Integer.class).isEqualTo(2)
			.path("saveScenarioVersion.version.digest").entity(String.class).satisfies(other -> assertThat(other).isNotEqualTo(digest));
	}

	@Test
	void aChildInheritsItsParentsDriversAndDriverChangesAreRecordedWithTheirAuthor() {
		String tenant = newTenant("child");
		GraphQlTester finance = graphQl(tenant, Role.FINANCE);
		String stress = ScenarioFixture.scenario(finance, "Stress", "STRESS", Map.of());
		GraphQlTester.Response child = finance.documentName("scenarioCreate")
			.variable("input", Map.of("idempotencyKey", "child", "name", "Stress + stretch", "parentId", stress,
					"drivers", Map.of("payablesStretchDays", 10)))
			.execute();
		child.path("createScenario.scenario.parent.name").entity(String.class).isEqualTo("Stress");
		String childId = child.path("createScenario.scenario.id").entity(String.class).get();
		finance.document("query($id: ID!) { node(id: $id) { ... on Scenario { forecast(asOf: \"2026-03-02\") { drivers { "
				+ "collectionRate collectionDelayShiftDays payablesStretchDays } } } } }")
			.variable("id", childId).execute()
			.path("node.forecast.drivers.collectionDelayShiftDays").entity(Integer.class).isEqualTo(14)
			.path("node.forecast.drivers.payablesStretchDays").entity(Integer.class).isEqualTo(10)
			.path("node.forecast.drivers.collectionRate").entity(BigDecimal.class).satisfies(rate -> assertThat(rate).isEqualByComparingTo("0.8"));

		String update = "mutation($input: UpdateScenarioDriversInput!) { updateScenarioDrivers(input: $input) { scenario { revision } "
				+ "userErrors { code field } } }";
		finance.document(update).variable("input", Map.of("scenarioId", stress, "revision", 1, "drivers", Map.of("collectionRate", "0.5")))
			.execute().path("updateScenarioDrivers.scenario.revision").entity(Integer.class).isEqualTo(2);
		// An editor still at revision 1 is refused instead of overwriting.
		finance.document(update).variable("input", Map.of("scenarioId", stress, "revision", 1, "drivers", Map.of("collectionRate", "0.6")))
			.execute().path("updateScenarioDrivers.userErrors[0].code").entity(String.class).isEqualTo("STALE_REVISION");
		finance.document("query($id: ID!) { node(id: $id) { ... on Scenario { driverChanges(first: 10) { totalCount nodes { revision changedBy "
				+ "changes { driver before after } } } forecast(asOf: \"2026-03-02\") { drivers { collectionRate } } } } }")
			.variable("id", stress).execute()
			.path("node.driverChanges.totalCount").entity(Integer.class).isEqualTo(1)
			.path("node.driverChanges.nodes[0].changedBy").entity(String.class).isEqualTo("user-" + tenant)
			.path("node.driverChanges.nodes[0].changes[0].driver").entity(String.class).isEqualTo("collectionRate")
			.path("node.driverChanges.nodes[0].changes[0].before").valueIsNull()
			.path("node.driverChanges.nodes[0].changes[0].after").entity(String.class).isEqualTo("0.5")
			.path("node.forecast.drivers.collectionRate").entity(BigDecimal.class).satisfies(rate -> assertThat(rate).isEqualByComparingTo("0.5"));
	}

	@Test
	void invalidDriversAreUserErrorsAndStoreNothing() {
		GraphQlTester finance = graphQl(newTenant("invalid"), Role.FINANCE);
		finance.documentName("scenarioCreate")
			.variable("input", Map.of("idempotencyKey", "k", "name", "Bad", "template", "BASE", "reportingCurrency", "EUR",
					"drivers", Map.of("collectionRate", "1.5", "collectionDelayShiftDays", 400)))
			.execute()
			.path("createScenario.scenario").valueIsNull()
			.path("createScenario.userErrors[*].code").entityList(String.class).containsExactly("INVALID_INPUT", "INVALID_INPUT");
		finance.documentName("scenarioCreate")
			.variable("input", Map.of("idempotencyKey", "k2", "name", "No parent", "parentId", "bm90LWFuLWlk"))
			.execute()
			.path("createScenario.userErrors[0].code").entity(String.class).isEqualTo("SCENARIO_NOT_FOUND");
		finance.document("{ scenarios(first: 10) { totalCount } }").execute().path("scenarios.totalCount").entity(Integer.class).isEqualTo(0);
	}

	@Test
	void anotherTenantSeesNothingAndRolesAreEnforcedOnEveryField() {
		String tenant = newTenant("iso-a");
		GraphQlTester finance = graphQl(tenant, Role.FINANCE);
		String base = ScenarioFixture.scenario(finance, "Base", "BASE", Map.of());
		String version = finance.documentName("scenarioSaveVersion")
			.variable("input", Map.of("idempotencyKey", "v", "scenarioId", base, "asOf", AS_OF)).execute()
			.path("saveScenarioVersion.version.id").entity(String.class).get();

		GraphQlTester other = graphQl(newTenant("iso-b"), Role.ADMIN);
		other.document("query($ids: [ID!]!) { nodes(ids: $ids) { id } }").variable("ids", List.of(base, version)).execute()
			.path("nodes[0]").valueIsNull().path("nodes[1]").valueIsNull();
		other.document("{ scenarios(first: 10) { totalCount } }").execute().path("scenarios.totalCount").entity(Integer.class).isEqualTo(0);
		other.documentName("scenarioCompare").variable("input", Map.of("items", List.of(Map.of("scenarioId", base), Map.of("versionId", version))))
			.execute().errors().satisfy(errors -> assertThat(errors).isNotEmpty()
				.allSatisfy(error -> assertThat(error.getExtensions()).containsEntry("code", "NOT_FOUND")));

		graphQl(tenant, Role.ANALYST).document("{ scenarios(first: 10) { nodes { name } } }").execute()
			.path("scenarios.nodes[0].name").entity(String.class).isEqualTo("Base");
		graphQl(tenant, Role.AUDITOR).documentName("scenarioVersionForecast").variable("id", version).execute()
			.path("node.forecast.asOf").entity(String.class).isEqualTo(AS_OF);
		forbidden(graphQl(tenant, Role.ANALYST).documentName("scenarioCreate")
			.variable("input", Map.of("idempotencyKey", "x", "name", "X", "template", "BASE", "reportingCurrency", "EUR")).execute());
		forbidden(graphQl(tenant, Role.EXTERNAL_VIEWER).document("{ scenarios(first: 10) { totalCount } }").execute());
		forbidden(graphQl(tenant, Role.EXTERNAL_VIEWER).documentName("scenarioVersionForecast").variable("id", version).execute());
		forbidden(graphQl(tenant, Role.REP).document("{ recurringFlowProposals { seriesKey } }").execute());
	}

	private static void forbidden(GraphQlTester.Response response) {
		response.errors().satisfy(errors -> assertThat(errors).isNotEmpty()
			.allSatisfy(error -> assertThat(error.getExtensions()).containsEntry("code", "FORBIDDEN")));
	}

	private static GraphQlTester.Response forecast(GraphQlTester tester, String scenario, String granularity) {
		return tester.documentName("scenarioForecast").variable("id", scenario).variable("asOf", AS_OF).variable("granularity", granularity).execute();
	}

	private static BigDecimal[] decimals(String... values) {
		return java.util.Arrays.stream(values).map(BigDecimal::new).toArray(BigDecimal[]::new);
	}

}
