package com.performanceos.rules.registry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.performanceos.PerformanceOsApplication;
import com.performanceos.platform.security.Role;
import com.performanceos.rules.engine.JsonValues;
import com.performanceos.rules.engine.graphs.DecisionResolver;
import com.performanceos.rules.engine.graphs.JdmGraph;
import com.performanceos.rules.engine.zen.EvaluationContext;
import com.performanceos.testsupport.IntegrationTest;

/**
 * On-demand measurements of the registry (run by {@code bench/run-rules-registry-bench.sh}, never by the suite: the
 * class name does not end in {@code Tests}): rollback propagation to a second instance, and the GraphQL overhead of
 * {@code evaluateRule} batches beside in-process evaluation of the same graph and inputs in the same JVM.
 *
 * <p>System properties: {@code rules.bench.graph} (a JDM file), {@code rules.bench.inputs} (NDJSON),
 * {@code rules.bench.rollbacks} (default 100).
 */
@EnabledIfSystemProperty(named = "rules.bench.inputs", matches = ".+")
class RuleRegistryBench extends IntegrationTest {

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
	void rollbackPropagationToASecondInstance() throws IOException {
		String tenant = newTenant("bench-rollback");
		RulesApi author = RulesApi.as("http://127.0.0.1:" + port, tokens, "sam", tenant, Role.SALES_OPS);
		RulesApi onA = RulesApi.as("http://127.0.0.1:" + port, tokens, "fiona", tenant, Role.FINANCE);
		RulesApi onB = RulesApi.as("http://127.0.0.1:" + instanceB.getEnvironment().getProperty("local.server.port"), tokens, "fiona",
				tenant, Role.FINANCE);
		List<String> v1 = author.created("payout", "EXPRESSION", RulesApi.version(
				RulesApi.expression("amount * 10 / 100", Map.of("amount", "MONEY"), "MONEY"), "2026-01-01", List.of()));
		onA.publishedBy(author, v1.get(1));
		String v2 = author.createVersion("v2", v1.get(0), RulesApi.version(
				RulesApi.expression("amount * 12 / 100", Map.of("amount", "MONEY"), "MONEY"), "2026-01-01", List.of()))
			.path("createRuleVersion.version.id").entity(String.class).get();
		onA.publishedBy(author, v2);
		Map<String, Object> evaluation = Map.of("ruleId", v1.get(0), "asOf", "2026-06-01", "inputs", List.of(Map.of("amount", 10000)));
		int rollbacks = Integer.getInteger("rules.bench.rollbacks", 100);
		long[] micros = new long[rollbacks];
		long[] steady = new long[rollbacks];
		long[] floor = new long[rollbacks];
		long[] transaction = new long[rollbacks];
		int probes = 0;
		for (int i = 0; i < rollbacks; i++) {
			boolean toV1 = i % 2 == 0;
			onA.rollback("rb-" + i, toV1 ? v1.get(1) : v2).path("rollbackRule.userErrors").entityList(Object.class).hasSize(0);
			long answeredAt = System.nanoTime();
			String expected = toV1 ? "1000" : "1200";
			while (!expected.equals(onB.evaluate(evaluation).path("evaluateRule.results[0].outputJson").entity(String.class).get())) {
				probes++;
				if (System.nanoTime() - answeredAt > 10_000_000_000L) {
					throw new AssertionError("rollback " + i + " not seen on B after 10 s");
				}
			}
			probes++;
			micros[i] = (System.nanoTime() - answeredAt) / 1_000;
			// The same request once more, nothing changed: what one evaluateRule round trip to B costs right now, so the
			// propagation time can be read against the request's own time under the same load.
			long again = System.nanoTime();
			onB.evaluate(evaluation).path("evaluateRule.results[0].outputJson").entity(String.class).isEqualTo(expected);
			steady[i] = (System.nanoTime() - again) / 1_000;
			// What part of that is the request itself (HTTP, token, cost, GraphQL, no database), and what one tenant
			// transaction adds to it.
			long bare = System.nanoTime();
			onB.graphQl().documentName("rulesTypename").execute().path("__typename").entity(String.class).isEqualTo("Query");
			floor[i] = (System.nanoTime() - bare) / 1_000;
			long read = System.nanoTime();
			onB.graphQl().documentName("rulesDutySeparation").execute().path("ruleDutySeparation.tenantSetting").entity(Boolean.class)
				.isEqualTo(false);
			transaction[i] = (System.nanoTime() - read) / 1_000;
		}
		Arrays.sort(micros);
		Arrays.sort(steady);
		System.out.printf("BENCH rollback-propagation rollbacks=%d probes=%d medianMs=%.1f p99Ms=%.1f maxMs=%.1f%n", rollbacks, probes,
				micros[rollbacks / 2] / 1000.0, micros[(int) Math.ceil(rollbacks * 0.99) - 1] / 1000.0, micros[rollbacks - 1] / 1000.0);
		System.out.printf("BENCH evaluate-request-on-B (no change) medianMs=%.1f p99Ms=%.1f maxMs=%.1f%n", steady[rollbacks / 2] / 1000.0,
				steady[(int) Math.ceil(rollbacks * 0.99) - 1] / 1000.0, steady[rollbacks - 1] / 1000.0);
		Arrays.sort(floor);
		Arrays.sort(transaction);
		System.out.printf("BENCH typename-request-on-B medianMs=%.1f p99Ms=%.1f%n", floor[rollbacks / 2] / 1000.0,
				floor[(int) Math.ceil(rollbacks * 0.99) - 1] / 1000.0);
		System.out.printf("BENCH one-transaction-request-on-B medianMs=%.1f p99Ms=%.1f%n", transaction[rollbacks / 2] / 1000.0,
				transaction[(int) Math.ceil(rollbacks * 0.99) - 1] / 1000.0);
		System.out.printf("BENCH load-average %s%n", java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip());
	}

	@Test
	void evaluateRuleBatchesBesideInProcessEvaluation() throws IOException {
		String graphJson = Files.readString(Path.of(System.getProperty("rules.bench.graph")));
		List<Object> inputs = new ArrayList<>();
		for (String line : Files.readAllLines(Path.of(System.getProperty("rules.bench.inputs")))) {
			if (!line.isBlank()) {
				inputs.add(JsonValues.parse(line));
			}
		}
		RulesApi author = RulesApi.as("http://127.0.0.1:" + port, tokens, "sam", newTenant("bench-overhead"), Role.SALES_OPS);
		String rule = author.created("graph", "DECISION_GRAPH", RulesApi.version(JsonValues.parse(graphJson), "2026-01-01", List.of())).get(0);
		JdmGraph graph = JdmGraph.parse(graphJson);
		int batch = 10_000;
		for (int round = 0; round < 3; round++) {
			long started = System.nanoTime();
			for (Object input : inputs) {
				graph.evaluate(input, EvaluationContext.at(0), DecisionResolver.NONE);
			}
			double inProcess = inputs.size() / ((System.nanoTime() - started) / 1e9);
			started = System.nanoTime();
			for (int from = 0; from < inputs.size(); from += batch) {
				author.evaluateVersion(rule, 1, inputs.subList(from, Math.min(inputs.size(), from + batch)))
					.path("evaluateRule.results[0].outputJson").entity(String.class).get();
			}
			double graphQl = inputs.size() / ((System.nanoTime() - started) / 1e9);
			System.out.printf("BENCH evaluate-overhead round=%d inputs=%d batch=%d inProcessPerSecond=%.0f graphQlPerSecond=%.0f ratio=%.1f%n",
					round + 1, inputs.size(), batch, inProcess, graphQl, inProcess / graphQl);
		}
	}

}
