package com.performanceos.rules.engine.graphs;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.performanceos.rules.engine.JsonValues;
import com.performanceos.rules.engine.RuleEvaluationException;
import com.performanceos.rules.engine.SharedData;
import com.performanceos.rules.engine.zen.EvaluationContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JdmGraphTests {

	private static final Path GORULES = SharedData.resolve("rules/gorules-jdm");

	private static final EvaluationContext CONTEXT = EvaluationContext.at(JdmConformanceTests.RECORDED_AT_EPOCH_SECONDS);

	@Test
	void theSameInputGivesByteIdenticalOutputEveryTime() {
		String json = JdmConformanceTests.read(GORULES.resolve("graphs/insurance-agent-commission.json"));
		JdmGraph graph = JdmGraph.parse(json);
		Object input = ((Map<?, ?>) ((List<?>) ((Map<?, ?>) JsonValues.parse(json)).get("tests")).getFirst()).get("input");
		String first = JsonValues.write(graph.evaluate(input, CONTEXT, DecisionResolver.NONE));
		String second = JsonValues.write(JdmGraph.parse(json).evaluate(JsonValues.parse(JsonValues.write(input)), CONTEXT,
				DecisionResolver.NONE));
		assertThat(first).isEqualTo(second)
			.isEqualTo("{\"baseCommission\":360,\"baseCommissionRate\":0.18,\"finalCommission\":450,\"performanceTier\":\"gold\","
					+ "\"policyType\":\"home\",\"premiumAmount\":2000,\"tierMultiplier\":1.25}");
	}

	@Test
	void theShippedTableAndSwitchModelsImport() {
		for (String file : List.of("table.json", "table-collect-columns.json", "switch-node.json")) {
			JdmGraph graph = JdmGraph.parse(JdmConformanceTests.read(GORULES.resolve(file)));
			assertThat(JsonValues.parse(graph.export())).as(file).isEqualTo(JsonValues.parse(JdmConformanceTests.read(GORULES.resolve(file))));
		}
	}

	@Test
	void aSubDecisionCallsTheRuleItsResolverFinds() {
		String child = """
				{"nodes": [{"id": "i", "type": "inputNode", "name": "in"},
				  {"id": "e", "type": "expressionNode", "name": "double",
				   "content": {"expressions": [{"id": "x", "key": "doubled", "value": "amount * 2"}]}},
				  {"id": "o", "type": "outputNode", "name": "out"}],
				 "edges": [{"id": "1", "sourceId": "i", "targetId": "e"}, {"id": "2", "sourceId": "e", "targetId": "o"}]}
				""";
		String parent = """
				{"nodes": [{"id": "i", "type": "inputNode", "name": "in"},
				  {"id": "d", "type": "decisionNode", "name": "call child", "content": {"key": "child", "outputPath": "result"}},
				  {"id": "o", "type": "outputNode", "name": "out"}],
				 "edges": [{"id": "1", "sourceId": "i", "targetId": "d"}, {"id": "2", "sourceId": "d", "targetId": "o"}]}
				""";
		JdmGraph childGraph = JdmGraph.parse(child);
		JdmGraph parentGraph = JdmGraph.parse(parent);
		Object result = parentGraph.evaluate(JsonValues.parse("{\"amount\": 21.5}"), CONTEXT,
				(key) -> key.equals("child") ? childGraph : null);
		assertThat(JsonValues.write(result)).isEqualTo("{\"result\":{\"doubled\":43}}");
		assertThatThrownBy(() -> parentGraph.evaluate(JsonValues.parse("{}"), CONTEXT, DecisionResolver.NONE))
			.isInstanceOfSatisfying(RuleEvaluationException.class,
					(ex) -> assertThat(ex.code()).isEqualTo(RuleEvaluationException.Code.UNRESOLVED_DECISION))
			.hasMessageContaining("call child");
		assertThatThrownBy(() -> parentGraph.evaluate(JsonValues.parse("{}"), CONTEXT, (key) -> parentGraph))
			.isInstanceOf(RuleEvaluationException.class)
			.hasMessageContaining("nest deeper");
	}

	@Test
	void theTraceNamesEachNodeAndTheMatchedRows() {
		String json = JdmConformanceTests.read(GORULES.resolve("graphs/insurance-agent-commission.json"));
		Object input = ((Map<?, ?>) ((List<?>) ((Map<?, ?>) JsonValues.parse(json)).get("tests")).getFirst()).get("input");
		JdmGraph.Traced traced = JdmGraph.parse(json).evaluateTraced(input, CONTEXT, DecisionResolver.NONE);
		assertThat(traced.trace()).anySatisfy((entry) -> assertThat(entry).containsKey("matchedRows"));
		assertThat(traced.trace()).anySatisfy((entry) -> assertThat(entry.get("type")).isEqualTo("inputNode"));
		assertThat(JsonValues.write(traced.result()))
			.isEqualTo(JsonValues.write(JdmGraph.parse(json).evaluate(input, CONTEXT, DecisionResolver.NONE)));
	}

	@Test
	void aFirstHitTableCollectsColumnsEndingInBracketsOverEveryMatchingRow() {
		String json = """
				{"nodes": [{"id": "i", "type": "inputNode", "name": "in"},
				  {"id": "t", "type": "decisionTableNode", "name": "flags", "content": {"hitPolicy": "first",
				    "inputs": [{"id": "a", "name": "Amount", "field": "amount"}],
				    "outputs": [{"id": "r", "name": "Rate", "field": "rate"}, {"id": "f", "name": "Flags", "field": "flags[]"}],
				    "rules": [{"_id": "1", "a": "> 100", "r": "12", "f": "'large'"},
				              {"_id": "2", "a": "> 10", "r": "10", "f": "'medium'"},
				              {"_id": "3", "a": "", "r": "5", "f": ""}]}},
				  {"id": "o", "type": "outputNode", "name": "out"}],
				 "edges": [{"id": "1", "sourceId": "i", "targetId": "t"}, {"id": "2", "sourceId": "t", "targetId": "o"}]}
				""";
		JdmGraph graph = JdmGraph.parse(json);
		assertThat(JsonValues.write(graph.evaluate(JsonValues.parse("{\"amount\": 500}"), CONTEXT, DecisionResolver.NONE)))
			.isEqualTo("{\"flags\":[\"large\",\"medium\"],\"rate\":12}");
		assertThat(JsonValues.write(graph.evaluate(JsonValues.parse("{\"amount\": 1}"), CONTEXT, DecisionResolver.NONE)))
			.isEqualTo("{\"flags\":[],\"rate\":5}");
	}

}
