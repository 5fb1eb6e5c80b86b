package com.performanceos.rules.engine.tables;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.performanceos.rules.engine.JsonValues;
import com.performanceos.rules.engine.RuleDefinitionException;
import com.performanceos.rules.engine.RuleEvaluationException;
import com.performanceos.rules.engine.tables.TableDefinition.InputColumn;
import com.performanceos.rules.engine.tables.TableDefinition.OutputColumn;
import com.performanceos.rules.engine.tables.TableDefinition.Rule;
import com.performanceos.rules.engine.zen.EvaluationContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One test per DMN 1.5 hit policy, on a table whose rules overlap. For a deal of 30,000 in FR all
 * four rules match (rates 10, 5, 12, 15 in rule order); the output values list ranks 15 > 12 >
 * 10 > 5. Every expected value below is computed by hand from the DMN definitions.
 */
class HitPolicyTests {

	private static final EvaluationContext CONTEXT = EvaluationContext.at(0);

	private static final Map<String, Object> ALL_FOUR = deal("30000", "FR");

	private static final Map<String, Object> RULES_3_AND_4 = deal("50000", "DE");

	private static final Map<String, Object> NONE = deal("3000", "US");

	static TableDefinition rates(HitPolicy policy) {
		return new TableDefinition("rates", policy,
				List.of(new InputColumn("Amount", "deal.amount", ColumnType.NUMBER),
						new InputColumn("Region", "deal.region", ColumnType.STRING)),
				List.of(new OutputColumn("rate", ColumnType.NUMBER, numbers(15, 12, 10, 5))),
				List.of(new Rule(List.of(">= 10000", "\"FR\""), List.of("10"), null),
						new Rule(List.of("[5000..50000)", "-"), List.of("5"), null),
						new Rule(List.of("> 20000", "\"FR\", \"DE\""), List.of("12"), null),
						new Rule(List.of("-", "not(\"US\")"), List.of("15"), null)));
	}

	@Test
	void firstGivesTheFirstMatchingRuleInRuleOrder() {
		DecisionTable table = DecisionTable.build(rates(HitPolicy.FIRST));
		assertThat(output(table, ALL_FOUR)).isEqualTo("10");
		assertThat(output(table, RULES_3_AND_4)).isEqualTo("12");
		assertThat(output(table, NONE)).isEqualTo("null");
	}

	@Test
	void priorityGivesTheMatchingOutputRankedHighestInTheOutputValues() {
		DecisionTable table = DecisionTable.build(rates(HitPolicy.PRIORITY));
		assertThat(output(table, ALL_FOUR)).isEqualTo("15");
		assertThat(output(table, deal("12000", "US"))).isEqualTo("5");
		assertThat(output(table, NONE)).isEqualTo("null");
	}

	@Test
	void ruleOrderListsEveryMatchInRuleOrder() {
		DecisionTable table = DecisionTable.build(rates(HitPolicy.RULE_ORDER));
		assertThat(output(table, ALL_FOUR)).isEqualTo("[10,5,12,15]");
		assertThat(output(table, NONE)).isEqualTo("[]");
	}

	@Test
	void outputOrderListsEveryMatchByDecreasingPriority() {
		DecisionTable table = DecisionTable.build(rates(HitPolicy.OUTPUT_ORDER));
		assertThat(output(table, ALL_FOUR)).isEqualTo("[15,12,10,5]");
		assertThat(output(table, RULES_3_AND_4)).isEqualTo("[15,12]");
	}

	@Test
	void collectListsEveryMatch() {
		DecisionTable table = DecisionTable.build(rates(HitPolicy.COLLECT));
		assertThat(output(table, ALL_FOUR)).isEqualTo("[10,5,12,15]");
		assertThat(output(table, NONE)).isEqualTo("[]");
	}

	@Test
	void collectSumAddsTheMatchingOutputsAndIsNullWithoutMatch() {
		DecisionTable table = DecisionTable.build(rates(HitPolicy.COLLECT_SUM));
		assertThat(output(table, ALL_FOUR)).isEqualTo("42");
		assertThat(output(table, RULES_3_AND_4)).isEqualTo("27");
		assertThat(output(table, NONE)).isEqualTo("null");
	}

	@Test
	void collectMinGivesTheSmallestMatchingOutput() {
		DecisionTable table = DecisionTable.build(rates(HitPolicy.COLLECT_MIN));
		assertThat(output(table, ALL_FOUR)).isEqualTo("5");
		assertThat(output(table, RULES_3_AND_4)).isEqualTo("12");
		assertThat(output(table, NONE)).isEqualTo("null");
	}

	@Test
	void collectMaxGivesTheLargestMatchingOutput() {
		DecisionTable table = DecisionTable.build(rates(HitPolicy.COLLECT_MAX));
		assertThat(output(table, ALL_FOUR)).isEqualTo("15");
		assertThat(output(table, deal("12000", "US"))).isEqualTo("5");
	}

	@Test
	void collectCountCountsTheMatchesAndIsZeroWithoutMatch() {
		DecisionTable table = DecisionTable.build(rates(HitPolicy.COLLECT_COUNT));
		assertThat(output(table, ALL_FOUR)).isEqualTo("4");
		assertThat(output(table, RULES_3_AND_4)).isEqualTo("2");
		assertThat(output(table, NONE)).isEqualTo("0");
	}

	@Test
	void anyRefusesMatchingRulesWithDifferentOutputs() {
		DecisionTable table = DecisionTable.build(rates(HitPolicy.ANY));
		assertThatThrownBy(() -> table.evaluate(ALL_FOUR, CONTEXT))
			.isInstanceOfSatisfying(RuleEvaluationException.class,
					(ex) -> assertThat(ex.code()).isEqualTo(RuleEvaluationException.Code.HIT_POLICY_VIOLATION))
			.hasMessageContaining("rules 1 and 2");
		assertThat(output(table, deal("12000", "US"))).isEqualTo("5");
	}

	@Test
	void anyAcceptsOverlappingRulesThatAgree() {
		TableDefinition agreeing = new TableDefinition("agree", HitPolicy.ANY,
				List.of(new InputColumn("Amount", "amount", ColumnType.NUMBER)),
				List.of(new OutputColumn("band", ColumnType.STRING, List.of())),
				List.of(new Rule(List.of("> 10"), List.of("\"high\""), null), new Rule(List.of("> 20"), List.of("\"high\""), null)));
		assertThat(output(DecisionTable.build(agreeing), Map.of("amount", BigDecimal.valueOf(30)))).isEqualTo("\"high\"");
	}

	@Test
	void uniqueRefusesOverlappingRulesNamingBoth() {
		assertThatThrownBy(() -> DecisionTable.build(rates(HitPolicy.UNIQUE)))
			.isInstanceOfSatisfying(RuleDefinitionException.class, (ex) -> {
				assertThat(ex.problems()).extracting(RuleDefinitionException.Problem::location)
					.contains("rules 1 and 2", "rules 1 and 3", "rules 2 and 4");
				assertThat(ex.problems().getFirst().message()).contains("UNIQUE").contains(">= 10000 | \"FR\"");
			});
	}

	@Test
	void uniqueGivesTheOnlyMatchAndFailsWhenTwoMatchAtEvaluation() {
		TableDefinition bands = new TableDefinition("bands", HitPolicy.UNIQUE,
				List.of(new InputColumn("Amount", "amount", ColumnType.NUMBER)),
				List.of(new OutputColumn("band", ColumnType.STRING, List.of())),
				List.of(new Rule(List.of("< 1000"), List.of("\"small\""), null),
						new Rule(List.of("[1000..5000)"), List.of("\"medium\""), null),
						new Rule(List.of("$ * 1 >= 4000"), List.of("\"large\""), null)));
		DecisionTable table = DecisionTable.build(bands);
		assertThat(output(table, Map.of("amount", BigDecimal.valueOf(999)))).isEqualTo("\"small\"");
		assertThat(output(table, Map.of("amount", BigDecimal.valueOf(1000)))).isEqualTo("\"medium\"");
		assertThat(output(table, Map.of("amount", BigDecimal.valueOf(6000)))).isEqualTo("\"large\"");
		assertThatThrownBy(() -> table.evaluate(Map.of("amount", BigDecimal.valueOf(4500)), CONTEXT))
			.isInstanceOfSatisfying(RuleEvaluationException.class,
					(ex) -> assertThat(ex.code()).isEqualTo(RuleEvaluationException.Code.HIT_POLICY_VIOLATION))
			.hasMessageContaining("rules 2, 3");
	}

	@Test
	void compoundOutputsGiveAnObjectPerRule() {
		TableDefinition plan = new TableDefinition("plan", HitPolicy.RULE_ORDER,
				List.of(new InputColumn("Region", "region", ColumnType.STRING)),
				List.of(new OutputColumn("rate", ColumnType.NUMBER, List.of()), new OutputColumn("tier", ColumnType.STRING, List.of())),
				List.of(new Rule(List.of("\"FR\""), List.of("12", "\"gold\""), null), new Rule(List.of("-"), List.of("10", "\"base\""), null)));
		assertThat(output(DecisionTable.build(plan), Map.of("region", "FR")))
			.isEqualTo("[{\"rate\":12,\"tier\":\"gold\"},{\"rate\":10,\"tier\":\"base\"}]");
	}

	static String output(DecisionTable table, Map<String, ?> input) {
		return JsonValues.write(table.evaluate(JsonValues.of(input), CONTEXT).output());
	}

	static Map<String, Object> deal(String amount, String region) {
		return Map.of("deal", Map.of("amount", new BigDecimal(amount), "region", region));
	}

	private static List<Object> numbers(int... values) {
		return java.util.Arrays.stream(values).mapToObj((value) -> (Object) BigDecimal.valueOf(value)).toList();
	}

}
