package com.performanceos.rules.commissions.analytics;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.performanceos.platform.analytics.AnalyticsStore;
import com.performanceos.platform.security.Role;
import com.performanceos.rules.commissions.runs.CommissionsWorld;
import com.performanceos.testsupport.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A successful run's results reach the analytics store (ClickHouse in this context) through the outbox, and
 * {@code commissionAnalytics} sums them by rep, team, product, region and month against hand-computed figures.
 */
class CommissionAnalyticsIntegrationTests extends IntegrationTest {

	private static final String ANALYTICS = """
			query($input: CommissionAnalyticsInput!) {
			  commissionAnalytics(input: $input) { engine rows { month rep team product region kind amount credited lineCount } }
			}""";

	@Autowired
	private AnalyticsStore store;

	@Test
	void aRunsResultsAreSummedByRepTeamProductRegionAndMonth() {
		CommissionsWorld world = new CommissionsWorld("http://127.0.0.1:" + port, tokens, newTenant("commission-cube"));
		world.importDeals("deals", """
				D-A,ana,Pro,FR,40000.00,40000.00,CLOSED_WON,2026-03-10,EUR
				D-C,ana,Basic,DE,30000.00,30000.00,CLOSED_WON,2026-03-12,EUR
				D-B,bob,Pro,FR,20000.00,20000.00,CLOSED_WON,2026-03-11,EUR
				""");
		world.importQuotas("quotas", "ana,2026-03,100000,EUR\nbob,2026-03,100000,EUR\n");
		world.reps(List.of(Map.of("code", "ana", "name", "Ana", "role", "AE"), Map.of("code", "bob", "name", "Bob", "role", "AE"),
				Map.of("code", "max", "name", "Max", "role", "MANAGER")), List.of(Map.of("rep", "ana", "manager", "max", "validFrom", "2026-01-01")));
		world.assign(world.publishedPlan("AE", CommissionsWorld.plan("GRADUATED", Map.of())), "2026-03", "ana", "bob");
		String runId = (String) world.run("march", "2026-03", Map.of()).get("id");
		var analyst = world.as("alex", Role.ANALYST);

		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
			.until(() -> store.count(world.tenant, CommissionFacts.TABLE.name()) == 3);
		var byRep = analyst.document(ANALYTICS).variable("input", Map.of("runIds", List.of(runId), "dimensions", List.of("REP", "TEAM"), "byMonth", true))
			.execute();
		byRep.path("commissionAnalytics.engine").entity(String.class).satisfies(engine -> assertThat(engine.toLowerCase()).contains("clickhouse"))
			.path("commissionAnalytics.rows[*].rep").entityList(String.class).contains("ana", "bob").hasSize(2);
		List<Map<String, Object>> rows = byRep.path("commissionAnalytics.rows").entity(new org.springframework.core.ParameterizedTypeReference<List<Map<String,
				Object>>>() {
		}).get();
		// 70,000 credited to Ana at 10 % (under quota): 7,000 over two lines; Bob 20,000: 2,000 over one.
		assertThat(rows).anySatisfy(row -> {
			assertThat(row).containsEntry("rep", "ana").containsEntry("team", "max").containsEntry("month", "2026-03").containsEntry("lineCount", 2);
			assertThat(new BigDecimal(row.get("amount").toString())).isEqualByComparingTo("7000");
			assertThat(new BigDecimal(row.get("credited").toString())).isEqualByComparingTo("70000");
		}).anySatisfy(row -> {
			assertThat(row).containsEntry("rep", "bob").containsEntry("team", "").containsEntry("lineCount", 1);
			assertThat(new BigDecimal(row.get("amount").toString())).isEqualByComparingTo("2000");
		});
		List<Map<String, Object>> byProduct = analyst.document(ANALYTICS).variable("input", Map.of("runIds", List.of(runId), "dimensions",
				List.of("PRODUCT", "REGION"))).execute().path("commissionAnalytics.rows")
			.entity(new org.springframework.core.ParameterizedTypeReference<List<Map<String, Object>>>() {
			}).get();
		assertThat(byProduct).hasSize(2).anySatisfy(row -> {
			assertThat(row).containsEntry("product", "Pro").containsEntry("region", "FR").containsEntry("month", null).containsEntry("rep", null);
			assertThat(new BigDecimal(row.get("amount").toString())).isEqualByComparingTo("6000");
		}).anySatisfy(row -> {
			assertThat(row).containsEntry("product", "Basic").containsEntry("region", "DE");
			assertThat(new BigDecimal(row.get("amount").toString())).isEqualByComparingTo("3000");
		});
		world.as("ana-user", Role.REP).document(ANALYTICS).variable("input", Map.of("runIds", List.of(runId), "dimensions", List.of())).execute()
			.errors().satisfy(errors -> assertThat(errors).isNotEmpty().allSatisfy(error -> assertThat(error.getExtensions())
				.containsEntry("code", "FORBIDDEN")));
	}

}
