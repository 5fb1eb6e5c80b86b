package com.performanceos.rules.engine.graphs;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.performanceos.rules.engine.JsonValues;
import com.performanceos.rules.engine.RuleDefinitionException;
import com.performanceos.rules.engine.SharedData;
import com.performanceos.rules.engine.zen.EvaluationContext;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The GoRules JDM graphs shipped in {@code shared/data/rules/gorules-jdm} (from the ZEN repository)
 * import, and their recorded inputs give their recorded outputs. The clock is frozen at the
 * moment the expected outputs were recorded (2025-08-19T16:55:02Z, read off the timestamps of
 * insurance-prior-authorization and seller-approval-workflow).
 */
class JdmConformanceTests {

	static final long RECORDED_AT_EPOCH_SECONDS = 1_755_622_502L;

	private static final Path GRAPHS = SharedData.resolve("rules/gorules-jdm/graphs");

	@TestFactory
	Stream<DynamicTest> everyGraphWithoutJavaScriptGivesItsRecordedOutputs() throws IOException {
		return graphFiles().filter((file) -> !usesFunctionNode(file)).flatMap((file) -> {
			String json = read(file);
			JdmGraph graph = JdmGraph.parse(json);
			List<?> tests = (List<?>) ((Map<?, ?>) JsonValues.parse(json)).get("tests");
			List<DynamicTest> cases = new ArrayList<>();
			for (int i = 0; i < tests.size(); i++) {
				Map<?, ?> test = (Map<?, ?>) tests.get(i);
				cases.add(DynamicTest.dynamicTest(file.getFileName() + " #" + i, () -> {
					Object actual = graph.evaluate(test.get("input"), EvaluationContext.at(RECORDED_AT_EPOCH_SECONDS),
							DecisionResolver.NONE);
					assertThat(sameJson(actual, test.get("output")))
						.as("%s: expected %s%nbut got  %s", file.getFileName(), JsonValues.write(test.get("output")), JsonValues.write(actual))
						.isTrue();
				}));
			}
			return cases.stream();
		});
	}

	@Test
	void graphsWithJavaScriptFunctionNodesAreRefusedNamingTheNode() {
		List<Path> withFunctions = graphFiles().filter(JdmConformanceTests::usesFunctionNode).toList();
		assertThat(withFunctions).hasSize(3);
		for (Path file : withFunctions) {
			assertThatThrownBy(() -> JdmGraph.parse(read(file))).isInstanceOf(RuleDefinitionException.class)
				.hasMessageContaining("is a JavaScript functionNode")
				.hasMessageMatching("node '[^']+': .*");
		}
	}

	@Test
	void exportGivesBackTheImportedModelWithZenExpressionsAsWritten() throws IOException {
		String json = read(GRAPHS.resolve("insurance-agent-commission.json"));
		JdmGraph graph = JdmGraph.parse(json);
		assertThat(JsonValues.parse(graph.export())).isEqualTo(JsonValues.parse(json));
		assertThat(JdmGraph.parse(graph.export()).export()).isEqualTo(graph.export());
	}

	static boolean sameJson(@Nullable Object actual, @Nullable Object expected) {
		if (actual instanceof BigDecimal a && expected instanceof BigDecimal b) {
			// Recorded outputs went through binary floating point on the way to JSON; the engine's
			// decimals are exact. Agreeing to 15 significant digits is agreeing to a double's precision.
			return a.round(new java.math.MathContext(15)).compareTo(b.round(new java.math.MathContext(15))) == 0;
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
			if (!a.keySet().equals(b.keySet())) {
				return false;
			}
			return a.keySet().stream().allMatch((key) -> sameJson(a.get(key), b.get(key)));
		}
		return actual == null ? expected == null : actual.equals(expected);
	}

	static Stream<Path> graphFiles() {
		try (Stream<Path> files = Files.list(GRAPHS)) {
			return files.filter((file) -> file.toString().endsWith(".json")).sorted().toList().stream();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static boolean usesFunctionNode(Path file) {
		return read(file).contains("\"functionNode\"");
	}

	static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
