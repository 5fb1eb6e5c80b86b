package com.performanceos.bench.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.performanceos.rules.engine.JsonValues;
import com.performanceos.rules.engine.graphs.DecisionResolver;
import com.performanceos.rules.engine.graphs.JdmGraph;
import com.performanceos.rules.engine.zen.EvaluationContext;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One JDM graph evaluated on one thread over generated inputs, cycling through them: evaluations
 * per second per core. The graph is imported once (the plan the registry will cache per version);
 * inputs are parsed once, as the API hands the engine parsed values.
 *
 * <p>System properties: {@code rules.graph} (a JDM file), {@code rules.inputs} (NDJSON, one input per line).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class JdmGraphBench {

	private JdmGraph graph;

	private Object[] inputs;

	private int next;

	@Setup
	public void load() throws IOException {
		this.graph = JdmGraph.parse(Files.readString(Path.of(System.getProperty("rules.graph"))));
		List<String> lines = Files.readAllLines(Path.of(System.getProperty("rules.inputs")));
		this.inputs = lines.stream().filter((line) -> !line.isBlank()).map(JsonValues::parse).toArray();
	}

	@Benchmark
	public Object evaluate() {
		Object input = this.inputs[this.next];
		this.next = this.next + 1 == this.inputs.length ? 0 : this.next + 1;
		return this.graph.evaluate(input, EvaluationContext.at(0), DecisionResolver.NONE);
	}

}
