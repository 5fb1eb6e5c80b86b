package com.performanceos.rules.registry;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

import com.performanceos.platform.security.Role;
import com.performanceos.testsupport.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ruleDiff}: structured differences between two versions of a rule and the readable text of both, through GraphQL. */
class RuleDiffIntegrationTests extends IntegrationTest {

	private RulesApi as(String subject, String tenant, Role... roles) {
		return RulesApi.as("http://127.0.0.1:" + port, tokens, subject, tenant, roles);
	}

	private static GraphQlTester.Response diff(RulesApi api, String rule, int from, int to) {
		return api.graphQl().documentName("rulesDiff").variable("ruleId", rule).variable("from", from).variable("to", to).execute();
	}

	private static Map<String, Object> table(List<Integer> values, List<Map<String, Object>> rows) {
		return Map.of("name", "rates", "hitPolicy", "FIRST",
				"inputs", List.of(Map.of("name", "amount", "expression", "amount", "type", "NUMBER")),
				"outputs", List.of(Map.of("name", "rate", "type", "NUMBER", "values", values)), "rules", rows);
	}

	private static Map<String, Object> row(String cell, String output) {
		return Map.of("inputEntries", List.of(cell), "outputEntries", List.of(output));
	}

	private String versioned(RulesApi sam, String name, String kind, Map<String, Object> first, List<Map<String, Object>> later) {
		String rule = sam.created(name, kind, RulesApi.version(first, "2026-01-01", List.of())).get(0);
		for (int i = 0; i < later.size(); i++) {
			sam.createVersion(name + "-v" + (i + 2), rule, RulesApi.version(later.get(i), "2026-01-01", List.of()))
				.path("createRuleVersion.userErrors").entityList(Object.class).hasSize(0);
		}
		return rule;
	}

	@Test
	void tableRowsAddedRemovedAndChangedAreAlignedAndSettingsCompared() {
		RulesApi sam = as("sam", newTenant("rules-diff-table"), Role.SALES_OPS);
		String rule = versioned(sam, "rates", "DECISION_TABLE",
				table(List.of(3, 5, 7), List.of(row(">= 10", "5"), row(">= 20", "7"), row("[0..50]", "3"))),
				List.of(table(List.of(3, 5, 7, 9), List.of(row(">= 10", "5"), row(">= 25", "7"), row("[0..50]", "3"), row("> 1000", "9"))),
						table(List.of(3, 5, 7), List.of(row(">= 20", "7"), row("[0..50]", "3")))));

		GraphQlTester.Response changed = diff(sam, rule, 1, 2);
		changed.path("ruleDiff.userErrors").entityList(Object.class).hasSize(0)
			.path("ruleDiff.from.number").entity(Integer.class).isEqualTo(1)
			.path("ruleDiff.to.number").entity(Integer.class).isEqualTo(2)
			.path("ruleDiff.changes[*].kind").entityList(String.class).containsExactly("SETTING_CHANGED", "ROW_CHANGED", "ROW_ADDED")
			.path("ruleDiff.changes[*].path").entityList(String.class).containsExactly("outputs", "rules[1]", "rules[3]")
			.path("ruleDiff.changes[1].before.inputEntries[0]").entity(String.class).isEqualTo(">= 20")
			.path("ruleDiff.changes[1].after.inputEntries[0]").entity(String.class).isEqualTo(">= 25")
			.path("ruleDiff.changes[2].before").valueIsNull();
		changed.path("ruleDiff.fromText").entity(String.class).satisfies(text -> assertThat(text).contains(">= 20").doesNotContain("> 1000"));
		changed.path("ruleDiff.toText").entity(String.class).satisfies(text -> assertThat(text).contains(">= 25").contains("> 1000"));
		changed.path("ruleDiff.frText").entity(String.class).satisfies(text -> assertThat(text).contains("SI"));

		diff(sam, rule, 1, 3).path("ruleDiff.changes[*].kind").entityList(String.class).containsExactly("ROW_REMOVED")
			.path("ruleDiff.changes[0].path").entity(String.class).isEqualTo("rules[0]")
			.path("ruleDiff.changes[0].after").valueIsNull();
		diff(sam, rule, 2, 2).path("ruleDiff.changes").entityList(Object.class).hasSize(0);
		diff(sam, rule, 1, 9).path("ruleDiff.changes").entityList(Object.class).hasSize(0)
			.path("ruleDiff.userErrors[0].code").entity(String.class).isEqualTo("VERSION_NOT_FOUND")
			.path("ruleDiff.userErrors[0].field[0]").entity(String.class).isEqualTo("toVersion");
	}

	@Test
	void expressionsAndDeclaredVariablesAreCompared() {
		RulesApi sam = as("sam", newTenant("rules-diff-expression"), Role.SALES_OPS);
		String rule = versioned(sam, "eligible", "EXPRESSION", RulesApi.expression("amount > 0", Map.of("amount", "MONEY"), "BOOL"),
				List.of(RulesApi.expression("amount > 100 && region == 'FR'", Map.of("amount", "MONEY", "region", "STRING"), "BOOL")));
		diff(sam, rule, 1, 2).path("ruleDiff.changes[*].kind").entityList(String.class).containsExactly("EXPRESSION_CHANGED", "SETTING_CHANGED")
			.path("ruleDiff.changes[0].before").entity(String.class).isEqualTo("amount > 0")
			.path("ruleDiff.changes[0].after").entity(String.class).isEqualTo("amount > 100 && region == 'FR'")
			.path("ruleDiff.changes[1].path").entity(String.class).isEqualTo("variables.region")
			.path("ruleDiff.changes[1].after").entity(String.class).isEqualTo("STRING");
	}

	@Test
	void graphNodesAreMatchedByIdAndEdgesByTheirEnds() {
		RulesApi sam = as("sam", newTenant("rules-diff-graph"), Role.SALES_OPS);
		Map<String, Object> input = Map.of("type", "inputNode", "id", "in", "name", "request", "content", Map.of());
		Map<String, Object> output = Map.of("type", "outputNode", "id", "out", "name", "response", "content", Map.of());
		Map<String, Object> rate = expressionNode("n1", "rate", "amount * 2 / 100");
		Map<String, Object> v1 = Map.of("nodes", List.of(input, rate, output),
				"edges", List.of(edge("e1", "in", "n1"), edge("e2", "n1", "out")));
		Map<String, Object> v2 = Map.of("nodes", List.of(input, expressionNode("n1", "rate", "amount * 3 / 100"),
				expressionNode("n2", "bonus", "rate + 1"), output),
				"edges", List.of(edge("e1", "in", "n1"), edge("e3", "n1", "n2"), edge("e4", "n2", "out")));
		String rule = versioned(sam, "payout", "DECISION_GRAPH", v1, List.of(v2));
		diff(sam, rule, 1, 2).path("ruleDiff.changes[*].kind").entityList(String.class)
			.containsExactly("NODE_CHANGED", "NODE_ADDED", "EDGE_REMOVED", "EDGE_ADDED", "EDGE_ADDED")
			.path("ruleDiff.changes[*].path").entityList(String.class)
			.containsExactly("nodes[compute rate]", "nodes[compute bonus]", "edges[compute rate→response]", "edges[compute rate→compute bonus]",
					"edges[compute bonus→response]");
	}

	private static Map<String, Object> expressionNode(String id, String key, String expression) {
		return Map.of("type", "expressionNode", "id", id, "name", "compute " + key, "content",
				Map.of("expressions", List.of(Map.of("id", id + "-e", "key", key, "value", expression)), "passThrough", true));
	}

	private static Map<String, Object> edge(String id, String source, String target) {
		return Map.of("id", id, "sourceId", source, "targetId", target, "type", "edge");
	}

}
