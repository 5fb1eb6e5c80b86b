package com.performanceos.rules.engine.graphs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.performanceos.rules.engine.zen.EvaluationContext;
import org.jspecify.annotations.Nullable;

/**
 * One evaluation of a graph: its limits and clock, the resolver for sub-decisions, the outputs
 * of nodes already run (for {@code $nodes}) and, when asked for, the trace.
 */
final class Run {

	private final EvaluationContext context;

	private final DecisionResolver resolver;

	private final int depth;

	private final @Nullable Map<String, @Nullable Object> nodes;

	private final @Nullable List<Map<String, @Nullable Object>> trace;

	Run(EvaluationContext context, DecisionResolver resolver, int depth, boolean exposeNodes,
			@Nullable List<Map<String, @Nullable Object>> trace) {
		this.context = context;
		this.resolver = resolver;
		this.depth = depth;
		this.nodes = exposeNodes ? new LinkedHashMap<>() : null;
		this.trace = trace;
	}

	EvaluationContext context() {
		return this.context;
	}

	DecisionResolver resolver() {
		return this.resolver;
	}

	int depth() {
		return this.depth;
	}

	@Nullable Map<String, @Nullable Object> nodes() {
		return this.nodes;
	}

	void record(String name, @Nullable Object output) {
		if (this.nodes != null) {
			this.nodes.put(name, output);
		}
	}

	boolean tracing() {
		return this.trace != null;
	}

	void trace(Map<String, @Nullable Object> entry) {
		if (this.trace != null) {
			this.trace.add(entry);
		}
	}

}
