package com.performanceos.rules.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.performanceos.platform.security.Role;
import com.performanceos.testsupport.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Decision-graph sub-decision nodes calling other published rules of the registry by name, through GraphQL: the
 * version in force on the evaluated day answers, the trace names it, circles are refused at publication, depth is
 * bounded.
 */
class RuleSubDecisionIntegrationTests extends IntegrationTest {

	private RulesApi as(String subject, String tenant, Role... roles) {
		return RulesApi.as("http://127.0.0.1:" + port, tokens, subject, tenant, roles);
	}

	/** input → expression node computing {@code key = expression} (passing the input through) → output. */
	private static Map<String, Object> computing(String key, String expression) {
		Map<String, Object> content = new LinkedHashMap<>();
		content.put("expressions", List.of(Map.of("id", "e1", "key", key, "value", expression)));
		content.put("passThrough", true);
		content.put("executionMode", "single");
		return graph(Map.of("type", "expressionNode", "id", "n1", "name", "compute", "content", content));
	}

	/** input → sub-decision calling {@code rule} → output. */
	private static Map<String, Object> calling(String rule) {
		Map<String, Object> content = new LinkedHashMap<>();
		content.put("key", rule);
		content.put("passThrough", true);
		content.put("executionMode", "single");
		return graph(Map.of("type", "decisionNode", "id", "n1", "name", "call " + rule, "content", content));
	}

	private static Map<String, Object> graph(Map<String, Object> middle) {
		return Map.of("nodes", List.of(Map.of("type", "inputNode", "id", "in", "name", "request", "content", Map.of()), middle,
				Map.of("type", "outputNode", "id", "out", "name", "response", "content", Map.of())),
				"edges", List.of(Map.of("id", "e1", "sourceId", "in", "targetId", "n1", "type", "edge"),
						Map.of("id", "e2", "sourceId", "n1", "targetId", "out", "type", "edge")));
	}

	private static void published(RulesApi author, RulesApi finance, String versionId) {
		finance.publishedBy(author, versionId);
	}

	@Test
	void aSubDecisionRunsTheCalledRulesVersionInForceOnTheDayAndTheTraceNamesIt() {
		String tenant = newTenant("rules-sub-decision");
		RulesApi sam = as("sam", tenant, Role.SALES_OPS);
		RulesApi fiona = as("fiona", tenant, Role.FINANCE);
		List<String> rate = sam.created("tier-rate", "DECISION_GRAPH", RulesApi.version(computing("rate", "amount * 2 / 100"), "2026-01-01",
				List.of()));
		published(sam, fiona, rate.get(1));
		String rateV2 = sam.createVersion("rate-v2", rate.get(0), RulesApi.version(computing("rate", "amount * 3 / 100"), "2026-07-01",
				List.of())).path("createRuleVersion.version.id").entity(String.class).get();
		published(sam, fiona, rateV2);
		// The caller's example runs on its first day, 2026-01-01, when version 1 of tier-rate is in force.
		// Publication runs the caller's example on its first day, 2026-01-01, when version 1 of tier-rate is in force.
		List<String> caller = sam.created("payout", "DECISION_GRAPH", RulesApi.version(calling("tier-rate"), "2026-01-01",
				List.of(RulesApi.example("spring", Map.of("amount", 1000), Map.of("amount", 1000, "rate", 20)))));
		published(sam, fiona, caller.get(1));
		String payout = caller.get(0);

		sam.evaluate(Map.of("ruleId", payout, "asOf", "2026-03-01", "inputs", List.of(Map.of("amount", 1000)), "trace", true))
			.path("evaluateRule.results[0].outputJson").entity(String.class).isEqualTo("{\"amount\":1000,\"rate\":20}")
			// The input node runs first; the call is recorded before the sub-decision node's own entry.
			.path("evaluateRule.results[0].trace[1].type").entity(String.class).isEqualTo("subDecision")
			.path("evaluateRule.results[0].trace[1].decision").entity(String.class).isEqualTo("tier-rate")
			.path("evaluateRule.results[0].trace[1].calls.version").entity(Integer.class).isEqualTo(1)
			.path("evaluateRule.results[0].trace[1].calls.versionId").entity(String.class).isEqualTo(rate.get(1))
			.path("evaluateRule.results[0].trace[1].trace[*].node").entityList(String.class).contains("compute");
		sam.evaluate(Map.of("ruleId", payout, "asOf", "2026-09-01", "inputs", List.of(Map.of("amount", 1000)), "trace", true))
			.path("evaluateRule.results[0].outputJson").entity(String.class).isEqualTo("{\"amount\":1000,\"rate\":30}")
			.path("evaluateRule.results[0].trace[1].calls.version").entity(Integer.class).isEqualTo(2);
	}

	@Test
	void publishingACircleOfSubDecisionsIsRefusedNamingItAndSoIsACallToNoRule() {
		String tenant = newTenant("rules-sub-decision-cycle");
		RulesApi sam = as("sam", tenant, Role.SALES_OPS);
		RulesApi fiona = as("fiona", tenant, Role.FINANCE);
		List<String> base = sam.created("base", "DECISION_GRAPH", RulesApi.version(computing("x", "1"), "2026-01-01", List.of()));
		published(sam, fiona, base.get(1));
		List<String> top = sam.created("top", "DECISION_GRAPH", RulesApi.version(calling("base"), "2026-01-01", List.of()));
		published(sam, fiona, top.get(1));
		String closing = sam.createVersion("base-v2", base.get(0), RulesApi.version(calling("top"), "2026-01-01", List.of()))
			.path("createRuleVersion.version.id").entity(String.class).get();
		sam.step("submit", closing);
		fiona.step("approve", closing);
		fiona.step("publish", closing).path("publishRuleVersion.version").valueIsNull()
			.path("publishRuleVersion.userErrors[0].code").entity(String.class).isEqualTo("SUB_DECISION_CYCLE")
			.path("publishRuleVersion.userErrors[0].message").entity(String.class)
			.satisfies(message -> assertThat(message).contains("base → top → base"));

		String typo = sam.created("typo", "DECISION_GRAPH", RulesApi.version(calling("no-such-rule"), "2026-01-01", List.of())).get(1);
		sam.step("submit", typo);
		fiona.step("approve", typo);
		fiona.step("publish", typo).path("publishRuleVersion.userErrors[0].code").entity(String.class).isEqualTo("UNRESOLVED_DECISION")
			.path("publishRuleVersion.userErrors[0].message").entity(String.class)
			.satisfies(message -> assertThat(message).contains("no-such-rule"));
	}

	@Test
	void subDecisionsNestingDeeperThanTheLimitFailWithATypedError() {
		String tenant = newTenant("rules-sub-decision-depth");
		RulesApi sam = as("sam", tenant, Role.SALES_OPS);
		RulesApi fiona = as("fiona", tenant, Role.FINANCE);
		// level-7 computes; level-6 calls level-7 ... level-1 calls level-2: six calls deep, one more than allowed.
		List<String> rules = new ArrayList<>();
		for (int level = 7; level >= 1; level--) {
			Map<String, Object> definition = level == 7 ? computing("x", "1") : calling("level-" + (level + 1));
			List<String> created = sam.created("level-" + level, "DECISION_GRAPH", RulesApi.version(definition, "2026-01-01", List.of()));
			published(sam, fiona, created.get(1));
			rules.add(0, created.get(0));
		}
		sam.evaluate(Map.of("ruleId", rules.get(1), "asOf", "2026-03-01", "inputs", List.of(Map.of())))
			.path("evaluateRule.results[0].outputJson").entity(String.class).isEqualTo("{\"x\":1}");
		sam.evaluate(Map.of("ruleId", rules.get(0), "asOf", "2026-03-01", "inputs", List.of(Map.of())))
			.path("evaluateRule.results[0].output").valueIsNull()
			.path("evaluateRule.results[0].error.code").entity(String.class).isEqualTo("UNRESOLVED_DECISION")
			.path("evaluateRule.results[0].error.message").entity(String.class)
			.satisfies(message -> assertThat(message).contains("deeper than 5"));
	}

}
