package com.performanceos.rules.registry;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.performanceos.PerformanceOsApplication;
import com.performanceos.platform.security.Role;
import com.performanceos.testsupport.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rollback across instances: this test's server is instance A, a second application in this JVM is instance B, both
 * on the same PostgreSQL and Redis. A rollback answered by A is what B evaluates next.
 */
class RuleRollbackIntegrationTests extends IntegrationTest {

	private static ConfigurableApplicationContext instanceB;

	@BeforeAll
	static void startInstanceB() {
		instanceB = new SpringApplicationBuilder(PerformanceOsApplication.class).run("--server.port=0");
	}

	@AfterAll
	static void stopInstanceB() {
		if (instanceB != null) {
			instanceB.close();
		}
	}

	@Test
	void afterPublishingV2AndRollingBackToV1EveryInstanceEvaluatesV1WithinOneSecond() {
		String tenant = newTenant("rules-rollback");
		RulesApi author = RulesApi.as("http://127.0.0.1:" + port, tokens, "sam", tenant, Role.SALES_OPS);
		RulesApi financeOnA = RulesApi.as("http://127.0.0.1:" + port, tokens, "fiona", tenant, Role.FINANCE);
		RulesApi financeOnB = RulesApi.as("http://127.0.0.1:" + instanceB.getEnvironment().getProperty("local.server.port"), tokens,
				"fiona", tenant, Role.FINANCE);
		List<String> v1 = author.created("payout", "EXPRESSION", RulesApi.version(
				RulesApi.expression("amount * 10 / 100", Map.of("amount", "MONEY"), "MONEY"), "2026-01-01", List.of()));
		financeOnA.publishedBy(author, v1.get(1));
		String v2 = author.createVersion("v2", v1.get(0), RulesApi.version(
				RulesApi.expression("amount * 12 / 100", Map.of("amount", "MONEY"), "MONEY"), "2026-01-01", List.of()))
			.path("createRuleVersion.version.id").entity(String.class).get();
		financeOnA.publishedBy(author, v2);
		Map<String, Object> evaluation = Map.of("ruleId", v1.get(0), "asOf", "2026-06-01", "inputs", List.of(Map.of("amount", 10000)));
		// B has compiled and evaluated v2: a stale cache there would keep answering 1200.
		financeOnB.evaluate(evaluation).path("evaluateRule.results[0].outputJson").entity(String.class).isEqualTo("1200");

		financeOnA.rollback("back-to-v1", v1.get(1))
			.path("rollbackRule.version.number").entity(Integer.class).isEqualTo(3)
			.path("rollbackRule.version.status").entity(String.class).isEqualTo("PUBLISHED")
			.path("rollbackRule.version.rollbackOf.id").entity(String.class).isEqualTo(v1.get(1));
		long answeredAt = System.nanoTime();
		await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(10)).until(() -> "1000".equals(
				financeOnB.evaluate(evaluation).path("evaluateRule.results[0].outputJson").entity(String.class).get()));
		assertThat(Duration.ofNanos(System.nanoTime() - answeredAt)).isLessThan(Duration.ofSeconds(1));
		financeOnA.evaluate(evaluation).path("evaluateRule.results[0].outputJson").entity(String.class).isEqualTo("1000")
			.path("evaluateRule.version.number").entity(Integer.class).isEqualTo(3);
		// Replaying the rollback's key answers the same version, it does not roll back twice.
		financeOnA.rollback("back-to-v1", v1.get(1)).path("rollbackRule.version.number").entity(Integer.class).isEqualTo(3);
		// Rolling back to a version that was never published is refused.
		String draft = author.createVersion("v4", v1.get(0), RulesApi.version(
				RulesApi.expression("amount", Map.of("amount", "MONEY"), "MONEY"), "2026-01-01", List.of()))
			.path("createRuleVersion.version.id").entity(String.class).get();
		financeOnA.rollback("to-draft", draft).path("rollbackRule.userErrors[0].code").entity(String.class).isEqualTo("NOT_A_ROLLBACK_TARGET");
	}

}
