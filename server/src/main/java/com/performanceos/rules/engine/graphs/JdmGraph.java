package com.performanceos.rules.engine.graphs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.performanceos.rules.engine.JsonValues;
import com.performanceos.rules.engine.zen.EvaluationContext;
import org.jspecify.annotations.Nullable;

/**
 * A decision graph imported from GoRules JDM JSON and compiled once into an evaluation plan:
 * nodes in topological order, expressions parsed, tables indexed by column. Immutable and safe
 * to share between threads; each {@link #evaluate} call keeps its state on its own stack.
 *
 * <p>Evaluation follows ZEN's walker: a node's input is the merge of what its live incoming edges
 * carry; a switch node cuts the edges of the statements that do not hold, and whatever is left
 * with no live incoming edge is cut too; the result is the merge of the nodes reached that have no
 * live outgoing edge (the output node, when there is one, and the walk stops there).
 */
public final class JdmGraph {

	record Edge(int source, int target, @Nullable String handle) {
	}

	private final Object document;

	private final List<GraphNode> nodes;

	private final List<Edge> edges;

	private final int[] order;

	private final int[][] incoming;

	private final int[][] outgoing;

	private final boolean usesNodes;

	JdmGraph(Object document, List<GraphNode> nodes, List<Edge> edges, int[] order, boolean usesNodes) {
		this.document = document;
		this.nodes = List.copyOf(nodes);
		this.edges = List.copyOf(edges);
		this.order = order;
		this.usesNodes = usesNodes;
		this.incoming = new int[nodes.size()][];
		this.outgoing = new int[nodes.size()][];
		for (int node = 0; node < nodes.size(); node++) {
			List<Integer> in = new ArrayList<>();
			List<Integer> out = new ArrayList<>();
			for (int edge = 0; edge < edges.size(); edge++) {
				if (edges.get(edge).target() == node) {
					in.add(edge);
				}
				if (edges.get(edge).source() == node) {
					out.add(edge);
				}
			}
			this.incoming[node] = in.stream().mapToInt(Integer::intValue).toArray();
			this.outgoing[node] = out.stream().mapToInt(Integer::intValue).toArray();
		}
	}

	/** Imports JDM JSON; see {@link JdmImport#parse}. */
	public static JdmGraph parse(String json) {
		return JdmImport.parse(json);
	}

	/** The JDM JSON this graph was imported from, in canonical form, ZEN expressions as written. */
	public String export() {
		return JsonValues.write(this.document);
	}

	/** This graph as a decision another graph's sub-decision node can call. */
	public Decision asDecision() {
		return (input, context, resolver, depth, trace) -> evaluate(input, new Run(context, resolver, depth, this.usesNodes, trace));
	}

	/** The keys of the decisions this graph's sub-decision nodes call, in node order. */
	public Set<String> decisionKeys() {
		Set<String> keys = new LinkedHashSet<>();
		for (GraphNode node : this.nodes) {
			if (node instanceof GraphNode.SubDecision call) {
				keys.add(call.key());
			}
		}
		return keys;
	}

	boolean usesNodes() {
		return this.usesNodes;
	}

	/** Evaluates the graph; the input and the result are engine values ({@link JsonValues}). */
	public @Nullable Object evaluate(@Nullable Object input, EvaluationContext context, DecisionResolver resolver) {
		return evaluate(input, new Run(context, resolver, 0, this.usesNodes, null));
	}

	/** Evaluates the graph and records which nodes ran, what they returned and which table rows matched. */
	public Traced evaluateTraced(@Nullable Object input, EvaluationContext context, DecisionResolver resolver) {
		List<Map<String, @Nullable Object>> trace = new ArrayList<>();
		Object result = evaluate(input, new Run(context, resolver, 0, this.usesNodes, trace));
		return new Traced(result, List.copyOf(trace));
	}

	/**
	 * A result with its trace.
	 * @param result the graph's output
	 * @param trace one entry per node run ({@code node}, {@code type}, {@code output}) and per table
	 * ({@code node}, {@code matchedRows})
	 */
	public record Traced(@Nullable Object result, List<Map<String, @Nullable Object>> trace) {
	}

	@Nullable Object evaluate(@Nullable Object input, Run run) {
		int count = this.nodes.size();
		boolean[] edgeAlive = new boolean[this.edges.size()];
		java.util.Arrays.fill(edgeAlive, true);
		boolean[] removed = new boolean[count];
		boolean[] visited = new boolean[count];
		Object[] data = new Object[count];
		for (int node : this.order) {
			if (removed[node] || !reachable(node, edgeAlive, visited)) {
				continue;
			}
			GraphNode graphNode = this.nodes.get(node);
			Object nodeInput = graphNode.type.equals("inputNode") ? input : incomingData(node, edgeAlive, data);
			Object output = graphNode.evaluate(nodeInput, run);
			visited[node] = true;
			data[node] = output;
			run.record(graphNode.name, output);
			if (run.tracing()) {
				Map<String, @Nullable Object> entry = new LinkedHashMap<>();
				entry.put("node", graphNode.name);
				entry.put("type", graphNode.type);
				entry.put("output", output);
				run.trace(entry);
			}
			if (graphNode instanceof GraphNode.Switch switchNode) {
				List<String> chosen = switchNode.chosen(nodeInput, run);
				for (int edge : this.outgoing[node]) {
					String handle = this.edges.get(edge).handle();
					if (edgeAlive[edge] && (handle == null || !chosen.contains(handle))) {
						removeEdge(edge, edgeAlive, removed);
					}
				}
			}
			if (graphNode.type.equals("outputNode")) {
				break;
			}
		}
		Object result = new LinkedHashMap<String, @Nullable Object>();
		for (int node = 0; node < count; node++) {
			if (visited[node] && !removed[node] && !hasLive(this.outgoing[node], edgeAlive)) {
				result = Variables.merge(result, data[node]);
			}
		}
		return result;
	}

	private boolean reachable(int node, boolean[] edgeAlive, boolean[] visited) {
		if (this.nodes.get(node).type.equals("inputNode")) {
			return true;
		}
		boolean any = false;
		for (int edge : this.incoming[node]) {
			if (edgeAlive[edge]) {
				if (!visited[this.edges.get(edge).source()]) {
					return false;
				}
				any = true;
			}
		}
		return any;
	}

	/** ZEN merges the incoming data most recently connected first, so earlier edges win a conflict. */
	private @Nullable Object incomingData(int node, boolean[] edgeAlive, Object[] data) {
		Object merged = null;
		boolean first = true;
		int[] in = this.incoming[node];
		for (int i = in.length - 1; i >= 0; i--) {
			if (!edgeAlive[in[i]]) {
				continue;
			}
			Object value = data[this.edges.get(in[i]).source()];
			if (first) {
				merged = value instanceof Map<?, ?> || value instanceof List<?> ? value : new LinkedHashMap<String, Object>();
				first = false;
			}
			else {
				merged = Variables.merge(merged, value);
			}
		}
		return first ? new LinkedHashMap<String, Object>() : merged;
	}

	private void removeEdge(int edge, boolean[] edgeAlive, boolean[] removed) {
		if (!edgeAlive[edge]) {
			return;
		}
		edgeAlive[edge] = false;
		int target = this.edges.get(edge).target();
		if (!hasLive(this.incoming[target], edgeAlive)) {
			for (int next : this.outgoing[target]) {
				removeEdge(next, edgeAlive, removed);
			}
			removed[target] = true;
		}
		int source = this.edges.get(edge).source();
		if (!hasLive(this.outgoing[source], edgeAlive)) {
			for (int previous : this.incoming[source]) {
				removeEdge(previous, edgeAlive, removed);
			}
			removed[source] = true;
		}
	}

	private static boolean hasLive(int[] edges, boolean[] edgeAlive) {
		for (int edge : edges) {
			if (edgeAlive[edge]) {
				return true;
			}
		}
		return false;
	}

}
