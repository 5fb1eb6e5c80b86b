package com.performanceos.rules.registry;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import com.performanceos.platform.security.Role;
import com.performanceos.rules.engine.JsonValues;
import com.performanceos.rules.engine.SharedData;
import com.performanceos.testsupport.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every GoRules JDM graph shipped in {@code shared/data/rules/gorules-jdm} imports through {@code createRule} and its
 * recorded inputs give its recorded outputs through {@code evaluateRule}, with the clock fixed at the recording
 * (2025-08-19T16:55:02Z); graphs with JavaScript function nodes are refused naming the node.
 */
class RuleJdmImportIntegrationTests extends IntegrationTest {

	private static final Path GRAPHS = SharedData.resolve("rules/gorules-jdm/graphs");

	private static final String RECORDED_AT = "2025-08-19T16:55:02Z";

	@Test
	void everyShippedGraphWithoutJavaScriptImportsAndGivesItsRecordedOutputsThroughGraphQl() throws IOException {
		RulesApi author = RulesApi.as("http://127.0.0.1:" + port, tokens, "sam", newTenant("rules-jdm"), Role.SALES_OPS);
		int graphs = 0;
		int cases = 0;
		List<String> failures = new ArrayList<>();
		for (Path file : graphFiles()) {
			String json = Files.readString(file);
			if (json.contains("\"functionNode\"")) {
				continue;
			}
			String name = file.getFileName().toString().replace(".json", "");
			Map<?, ?> graph = (Map<?, ?>) JsonValues.parse(json);
			String rule = author.created(name, "DECISION_GRAPH", RulesApi.version(graph, "2025-01-01", List.of())).get(0);
			graphs++;
			List<?> tests = (List<?>) graph.get("tests");
			List<Object> inputs = tests.stream().map(test -> (Object) ((Map<?, ?>) test).get("input")).toList();
			List<String> outputs = author.evaluate(Map.of("ruleId", rule, "versionNumber", 1, "clock", RECORDED_AT, "inputs", inputs))
				.path("evaluateRule.results[*].outputJson").entityList(String.class).get();
			for (int i = 0; i < tests.size(); i++) {
				Object expected = ((Map<?, ?>) tests.get(i)).get("output");
				if (outputs.get(i) != null && sameJson(JsonValues.parse(outputs.get(i)), expected)) {
					cases++;
				}
				else {
					failures.add(name + " #" + i + ": expected " + JsonValues.write(expected) + " got " + outputs.get(i));
				}
			}
		}
		assertThat(failures).isEmpty();
		assertThat(graphs).isEqualTo(86);
		assertThat(cases).isEqualTo(120);
	}

	@Test
	void graphsWithJavaScriptFunctionNodesAreRefusedWithAClearMessage() throws IOException {
		RulesApi author = RulesApi.as("http://127.0.0.1:" + port, tokens, "sam", newTenant("rules-jdm-js"), Role.SALES_OPS);
		int refused = 0;
		for (Path file : graphFiles()) {
			String json = Files.readString(file);
			if (!json.contains("\"functionNode\"")) {
				continue;
			}
			author.createRule("js-" + refused, "js-" + refused, "DECISION_GRAPH", RulesApi.version(JsonValues.parse(json), "2025-01-01",
					List.of()))
				.path("createRule.rule").valueIsNull()
				.path("createRule.userErrors[0].code").entity(String.class).isEqualTo("INVALID_DEFINITION")
				.path("createRule.userErrors[0].message").entity(String.class)
				.satisfies(message -> assertThat(message).matches("node '[^']+': .*is a JavaScript functionNode.*"));
			refused++;
		}
		assertThat(refused).isEqualTo(3);
	}

	private static List<Path> graphFiles() throws IOException {
		try (Stream<Path> files = Files.list(GRAPHS)) {
			return files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
		}
	}

	/** As the engine's conformance test: recorded numbers went through binary floating point, so 15 significant digits. */
	private static boolean sameJson(@Nullable Object actual, @Nullable Object expected) {
		if (actual instanceof BigDecimal a && expected instanceof BigDecimal b) {
			return a.round(new MathContext(15)).compareTo(b.round(new MathContext(15))) == 0;
		}
		if (actual instanceof List<?> a && expected instanceof List<?> b) {
			if (a.size() != b.size()) {
				return false;
			}
			for (int i = 0; i < a.size(); i++) {
				if (!sameJson(a.get(i), b.get(i))) {
					return false;
				}
			}
			return true;
		}
		if (actual instanceof Map<?, ?> a && expected instanceof Map<?, ?> b) {
			return a.keySet().equals(b.keySet()) && a.keySet().stream().allMatch(key -> sameJson(a.get(key), b.get(key)));
		}
		return actual == null ? expected == null : actual.equals(expected);
	}

}
