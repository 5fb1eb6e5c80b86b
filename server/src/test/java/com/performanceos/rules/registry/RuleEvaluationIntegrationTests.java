package com.performanceos.rules.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.performanceos.platform.security.Role;
import com.performanceos.testsupport.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Saving checks definitions; evaluation follows DMN and CEL, is bounded and deterministic, through GraphQL. */
class RuleEvaluationIntegrationTests extends IntegrationTest {

	/**
	 * Five overlapping rows over one NUMBER column, output values in decreasing priority 3, 5, 7. The input 30
	 * matches rows 1 (5), 2 (7) and 3 (3); the input 5 matches rows 3 and 5, which agree (3).
	 */
	private static Map<String, Object> overlappingTable(String hitPolicy) {
		return Map.of("name", "rates", "hitPolicy", hitPolicy,
				"inputs", List.of(Map.of("name", "amount", "expression", "amount", "type", "NUMBER")),
				"outputs", List.of(Map.of("name", "rate", "type", "NUMBER", "values", List.of(3, 5, 7))),
				"rules", List.of(row(">= 10", "5"), row(">= 20", "7"), row("[0..50]", "3"), row("> 1000", "7"), row("[0..5]", "3")));
	}

	private static Map<String, Object> row(String cell, String output) {
		return Map.of("inputEntries", List.of(cell), "outputEntries", List.of(output));
	}

	private RulesApi as(String subject, String tenant, Role... roles) {
		return RulesApi.as("http://127.0.0.1:" + port, tokens, subject, tenant, roles);
	}

	@ParameterizedTest(name = "{0} on 30 gives {1}, on 5 gives {2}")
	@CsvSource(delimiter = ';', value = {
			// Hand-computed from DMN 1.5 section 8.2.11: matches on 30 are rows 1, 2, 3 with outputs 5, 7, 3.
			"FIRST;        5;       3",
			"PRIORITY;     3;       3",
			"RULE_ORDER;   [5,7,3]; [3,3]",
			"OUTPUT_ORDER; [3,5,7]; [3,3]",
			"COLLECT;      [5,7,3]; [3,3]",
			"COLLECT_SUM;  15;      6",
			"COLLECT_MIN;  3;       3",
			"COLLECT_MAX;  7;       3",
			"COLLECT_COUNT;3;       2",
			// ANY: rows 3 and 5 agree on 5; rows 1, 2 and 3 differ on 30, which DMN calls an error.
			"ANY;          HIT_POLICY_VIOLATION; 3" })
	void everyHitPolicyGivesTheDmnResultOnOverlappingRows(String hitPolicy, String on30, String on5) {
		RulesApi author = as("sam", newTenant("rules-hit"), Role.SALES_OPS);
		String rule = author.created("rates", "DECISION_TABLE", RulesApi.version(overlappingTable(hitPolicy), "2026-01-01", List.of())).get(0);
		var response = author.evaluateVersion(rule, 1, List.of(Map.of("amount", 30), Map.of("amount", 5)));
		if (on30.equals("HIT_POLICY_VIOLATION")) {
			response.path("evaluateRule.results[0].error.code").entity(String.class).isEqualTo(on30);
		}
		else {
			response.path("evaluateRule.results[0].outputJson").entity(String.class).isEqualTo(on30);
		}
		response.path("evaluateRule.results[1].outputJson").entity(String.class).isEqualTo(on5);
	}

	@Test
	void aUniqueTableWithOverlappingRowsIsRefusedAtSaveNamingBothRowsAndGapsAreWarnings() {
		RulesApi author = as("sam", newTenant("rules-unique"), Role.SALES_OPS);
		author.createRule("u1", "unique-overlap", "DECISION_TABLE", RulesApi.version(overlappingTable("UNIQUE"), "2026-01-01", List.of()))
			.path("createRule.rule").valueIsNull()
			.path("createRule.userErrors[0].code").entity(String.class).isEqualTo("INVALID_DEFINITION")
			.path("createRule.userErrors[0].message").entity(String.class)
			.satisfies(message -> assertThat(message).startsWith("rules 1 and 2: overlap"));
		Map<String, Object> disjoint = Map.of("hitPolicy", "UNIQUE",
				"inputs", List.of(Map.of("name", "amount", "expression", "amount", "type", "NUMBER")),
				"outputs", List.of(Map.of("name", "rate", "type", "NUMBER")),
				"rules", List.of(row("[0..10)", "1"), row("[20..30]", "2")));
		author.createRule("u2", "unique-gap", "DECISION_TABLE", RulesApi.version(disjoint, "2026-01-01", List.of()))
			.path("createRule.userErrors").entityList(Object.class).hasSize(0)
			.path("createRule.warnings").entityList(String.class).satisfies(warnings -> assertThat(warnings).isNotEmpty());
	}

	@Test
	void aCelTypeErrorIsRefusedAtSaveWithLineAndColumn() {
		RulesApi author = as("sam", newTenant("rules-cel"), Role.SALES_OPS);
		author.createRule("c1", "typed", "EXPRESSION", RulesApi.version(RulesApi.expression("amount > \"10\"", Map.of("amount", "INT"), "BOOL"),
				"2026-01-01", List.of()))
			.path("createRule.userErrors[0].code").entity(String.class).isEqualTo("INVALID_DEFINITION")
			.path("createRule.userErrors[0].field").entityList(String.class).containsExactly("input", "firstVersion", "definition")
			.path("createRule.userErrors[0].message").entity(String.class)
			.satisfies(message -> assertThat(message).contains("line 1, column 8").contains("'>'"));
		author.graphQl().documentName("rulesList").execute().path("rules.totalCount").entity(Integer.class).isEqualTo(0);
	}

	@Test
	void aRunawayExpressionHitsTheStepLimitWithATypedErrorAndTheServerStaysResponsive() {
		RulesApi author = as("sam", newTenant("rules-runaway"), Role.SALES_OPS);
		String rule = author.created("runaway", "EXPRESSION", RulesApi.version(RulesApi.expression(
				"items.all(a, items.all(b, items.all(c, items.all(d, a + b + c + d != ''))))", Map.of("items", "STRING_LIST"), "BOOL"),
				"2026-01-01", List.of())).get(0);
		List<String> items = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			items.add("item-" + i);
		}
		long started = System.nanoTime();
		author.evaluateVersion(rule, 1, List.of(Map.of("items", items)))
			.path("evaluateRule.results[0].output").valueIsNull()
			.path("evaluateRule.results[0].error.code").entity(String.class).isEqualTo("STEP_LIMIT_EXCEEDED");
		assertThat((System.nanoTime() - started) / 1_000_000).as("milliseconds to stop a 100^4-step expression").isLessThan(30_000);
		author.graphQl().document("{ viewer { subject } }").execute().path("viewer.subject").entity(String.class).isEqualTo("sam");
	}

	@Test
	void theSameVersionAndInputGiveByteIdenticalOutputWithExactDecimalsAndATrace() {
		RulesApi author = as("sam", newTenant("rules-determinism"), Role.SALES_OPS);
		Map<String, Object> table = Map.of("hitPolicy", "FIRST",
				"inputs", List.of(Map.of("name", "region", "expression", "deal.region", "type", "STRING"),
						Map.of("name", "amount", "expression", "deal.amount", "type", "NUMBER")),
				"outputs", List.of(Map.of("name", "rate", "type", "NUMBER"), Map.of("name", "commission", "type", "NUMBER")),
				"rules", List.of(Map.of("inputEntries", List.of("\"FR\"", "[10000..50000)"), "outputEntries", List.of("0.1", "deal.amount * 0.1 + 0.2")),
						Map.of("inputEntries", List.of("-", "-"), "outputEntries", List.of("0", "0"))));
		String rule = author.created("commission", "DECISION_TABLE", RulesApi.version(table, "2026-01-01", List.of())).get(0);
		Map<String, Object> deal = Map.of("deal", Map.of("region", "FR", "amount", 10000.1));
		String first = author.evaluate(Map.of("ruleId", rule, "versionNumber", 1, "inputs", List.of(deal, deal), "trace", true))
			.path("evaluateRule.results[0].outputJson").entity(String.class).get();
		assertThat(first).isEqualTo("{\"commission\":1000.21,\"rate\":0.1}");
		author.evaluate(Map.of("ruleId", rule, "versionNumber", 1, "inputs", List.of(deal), "trace", true))
			.path("evaluateRule.results[0].outputJson").entity(String.class).isEqualTo(first)
			.path("evaluateRule.results[0].trace.rows[0].matched").entity(Boolean.class).isEqualTo(true)
			.path("evaluateRule.results[0].trace.rows[0].cells").entityList(Boolean.class).containsExactly(true, true)
			.path("evaluateRule.results[0].trace.rows[1].matched").entity(Boolean.class).isEqualTo(true)
			.path("evaluateRule.results[0].trace.hitPolicy").entity(String.class).isEqualTo("FIRST");
		author.graphQl().documentName("rulesList").execute()
			.path("rules.nodes[0].versions[0].readableText").entity(String.class)
			.satisfies(text -> assertThat(text).contains("Row 1: IF region = \"FR\" AND amount matches [10000..50000) THEN rate = 0.1"))
			.path("rules.nodes[0].versions[0].fr").entity(String.class)
			.satisfies(text -> assertThat(text).contains("Ligne 2 : TOUJOURS ALORS rate = 0, commission = 0"))
			.path("rules.nodes[0].versions[0].definitionCsv").entity(String.class)
			.satisfies(csv -> assertThat(csv).startsWith("hitPolicy,FIRST"));
	}

	@Test
	void limitsRefuseOversizedDefinitionsAndBatchesWithTypedErrors() {
		RulesApi author = as("sam", newTenant("rules-limits"), Role.SALES_OPS);
		author.createRule("l1", "long", "EXPRESSION", RulesApi.version(RulesApi.expression("true" + " && true".repeat(1_300),
				Map.of(), "BOOL"), "2026-01-01", List.of()))
			.path("createRule.userErrors[0].code").entity(String.class).isEqualTo("LIMIT_EXCEEDED");
		String rule = author.created("small", "EXPRESSION", RulesApi.version(RulesApi.expression("true", Map.of(), "BOOL"), "2026-01-01",
				List.of())).get(0);
		List<Object> inputs = new ArrayList<>();
		for (int i = 0; i <= 10_000; i++) {
			inputs.add(Map.of());
		}
		author.evaluateVersion(rule, 1, inputs).path("evaluateRule.userErrors[0].code").entity(String.class).isEqualTo("LIMIT_EXCEEDED");
		author.evaluateVersion(rule, 1, inputs.subList(0, 10_000)).path("evaluateRule.results[9999].outputJson").entity(String.class)
			.isEqualTo("true");
	}

}
