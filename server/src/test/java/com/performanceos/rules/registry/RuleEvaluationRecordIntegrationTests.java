package com.performanceos.rules.registry;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

import com.performanceos.platform.digest.Sha256;
import com.performanceos.platform.security.Role;
import com.performanceos.testsupport.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code evaluateRule} call is recorded (version, input digest, output, duration, caller, time) in the append-only
 * {@code rules_evaluation} and queryable by rule, version and date, through GraphQL.
 */
class RuleEvaluationRecordIntegrationTests extends IntegrationTest {

	private static final Map<String, Object> RATE = RulesApi.expression("amount * 10 / 100", Map.of("amount", "MONEY"), "MONEY");

	private RulesApi as(String subject, String tenant, Role... roles) {
		return RulesApi.as("http://127.0.0.1:" + port, tokens, subject, tenant, roles);
	}

	private static GraphQlTester.Response records(RulesApi api, String rule, Map<String, Object> filters) {
		GraphQlTester.Request<?> request = api.graphQl().documentName("rulesEvaluations").variable("ruleId", rule);
		for (Map.Entry<String, Object> filter : filters.entrySet()) {
			request = request.variable(filter.getKey(), filter.getValue());
		}
		return request.execute();
	}

	/** Records are written by a background writer every flush interval: waits until {@code count} are there. */
	private static List<Map<String, Object>> awaitRecords(RulesApi api, String rule, int count) {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		List<Map<String, Object>> found = new ArrayList<>();
		while (System.nanoTime() < deadline) {
			found = records(api, rule, Map.of("first", 100)).path("ruleEvaluations.nodes").entityList(Map.class).get().stream()
				.map(each -> (Map<String, Object>) each).toList();
			if (found.size() >= count) {
				return found;
			}
			sleep();
		}
		throw new AssertionError("expected " + count + " recorded evaluations, found " + found.size());
	}

	private static void sleep() {
		try {
			Thread.sleep(50);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

	@Test
	void everyEvaluateRuleCallIsRecordedWithVersionDigestsOutputCallerAndDay() {
		String tenant = newTenant("rules-evaluation-log");
		RulesApi sam = as("sam", tenant, Role.SALES_OPS);
		RulesApi fiona = as("fiona", tenant, Role.FINANCE);
		List<String> created = sam.created("payout", "EXPRESSION", RulesApi.version(RATE, "2026-01-01", List.of()));
		fiona.publishedBy(sam, created.get(1));
		String rule = created.get(0);
		Instant before = Instant.now();

		sam.evaluate(Map.of("ruleId", rule, "asOf", "2026-03-01", "inputs", List.of(Map.of("amount", 1000), Map.of("amount", 250))))
			.path("evaluateRule.results[1].outputJson").entity(String.class).isEqualTo("25");
		fiona.evaluate(Map.of("ruleId", rule, "versionNumber", 1, "inputs", List.of(Map.of("amount", "oops"))))
			.path("evaluateRule.results[0].error.code").entity(String.class).isNotEqualTo("");
		for (int i = 0; i < 20; i++) {
			sam.evaluate(Map.of("ruleId", rule, "asOf", "2026-03-02", "inputs", List.of(Map.of("amount", i))));
		}

		List<Map<String, Object>> records = awaitRecords(fiona, rule, 22);
		assertThat(records).hasSize(22);
		Map<String, Object> first = records.get(0);
		assertThat(first).containsEntry("versionNumber", 1).containsEntry("inputCount", 2).containsEntry("errorCount", 0)
			.containsEntry("caller", "sam").containsEntry("asOf", "2026-03-01")
			.containsEntry("outputJson", "[{\"output\":100},{\"output\":25}]")
			.containsEntry("inputSha256", Sha256.hex("[{\"amount\":1000},{\"amount\":250}]"))
			.containsEntry("outputSha256", Sha256.hex("[{\"output\":100},{\"output\":25}]"));
		assertThat(((Number) first.get("durationMicros")).longValue()).isNotNegative();
		assertThat(Instant.parse((String) first.get("evaluatedAt"))).isAfterOrEqualTo(before.minusSeconds(1));
		assertThat(((Map<?, ?>) first.get("version")).get("id")).isEqualTo(created.get(1));
		Map<String, Object> failed = records.get(1);
		assertThat(failed).containsEntry("caller", "fiona").containsEntry("errorCount", 1).containsEntry("asOf", "2026-01-01");
		assertThat((String) failed.get("outputJson")).startsWith("[{\"error\":\"");
		assertThat(records.subList(2, 22)).extracting(each -> each.get("asOf")).containsOnly("2026-03-02");
	}

	@Test
	void recordsAreFilteredByVersionAndInstantAndPagedAndReadOnlyByFinanceAuditorAndAdminOfTheTenant() {
		String tenant = newTenant("rules-evaluation-filter");
		RulesApi sam = as("sam", tenant, Role.SALES_OPS);
		RulesApi fiona = as("fiona", tenant, Role.FINANCE);
		String rule = sam.created("payout", "EXPRESSION", RulesApi.version(RATE, "2026-01-01", List.of())).get(0);
		sam.createVersion("v2", rule, RulesApi.version(RulesApi.expression("amount * 12 / 100", Map.of("amount", "MONEY"), "MONEY"),
				"2026-01-01", List.of())).path("createRuleVersion.userErrors").entityList(Object.class).hasSize(0);
		sam.evaluateVersion(rule, 1, List.of(Map.of("amount", 100)));
		sam.evaluateVersion(rule, 2, List.of(Map.of("amount", 100)));
		sam.evaluateVersion(rule, 2, List.of(Map.of("amount", 200)));
		awaitRecords(fiona, rule, 3);
		Instant afterwards = Instant.now().plusSeconds(1);

		Map<String, Object> versionTwo = new HashMap<>(Map.of("versionNumber", 2, "first", 1));
		GraphQlTester.Response page = records(fiona, rule, versionTwo);
		page.path("ruleEvaluations.nodes[*].versionNumber").entityList(Integer.class).containsExactly(2)
			.path("ruleEvaluations.nodes[0].outputJson").entity(String.class).isEqualTo("[{\"output\":12}]")
			.path("ruleEvaluations.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
		versionTwo.put("after", page.path("ruleEvaluations.pageInfo.endCursor").entity(String.class).get());
		records(fiona, rule, versionTwo).path("ruleEvaluations.nodes[0].outputJson").entity(String.class).isEqualTo("[{\"output\":24}]")
			.path("ruleEvaluations.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
		records(fiona, rule, Map.of("from", afterwards.toString())).path("ruleEvaluations.nodes").entityList(Object.class).hasSize(0);
		records(fiona, rule, Map.of("to", afterwards.toString())).path("ruleEvaluations.nodes").entityList(Object.class).hasSize(3);

		records(as("olga", tenant, Role.AUDITOR), rule, Map.of()).path("ruleEvaluations.nodes").entityList(Object.class).hasSize(3);
		records(as("olga", newTenant("rules-evaluation-other"), Role.AUDITOR), rule, Map.of())
			.path("ruleEvaluations.nodes").entityList(Object.class).hasSize(0);
		for (Role role : List.of(Role.SALES_OPS, Role.REP, Role.VENDOR)) {
			records(as("someone", tenant, role), rule, Map.of()).errors()
				.expect(error -> "FORBIDDEN".equals(error.getExtensions().get("code"))).verify();
		}
	}

}
