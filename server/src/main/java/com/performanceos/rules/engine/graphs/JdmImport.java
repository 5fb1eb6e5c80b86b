package com.performanceos.rules.engine.graphs;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.performanceos.rules.engine.JsonValues;
import com.performanceos.rules.engine.RuleDefinitionException;
import com.performanceos.rules.engine.zen.ZenExpression;
import com.performanceos.rules.engine.zen.ZenUnaryTest;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads GoRules JDM JSON into a compiled {@link JdmGraph}. Every expression and unary test is
 * parsed here, so a graph that imports cannot fail later on syntax. JavaScript function nodes
 * and custom nodes are refused: they would run code we cannot bound, type-check or reproduce.
 */
public final class JdmImport {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	/** A graph larger than this is refused: it bounds import time and memory. */
	static final int NODES_MAX = 1_000;

	private JdmImport() {
	}

	/**
	 * @throws RuleDefinitionException naming the node and the problem: a function or custom node,
	 * an expression that does not parse, a missing node, a cycle, not exactly one input node
	 */
	public static JdmGraph parse(String json) {
		JsonNode root;
		try {
			root = MAPPER.readTree(json);
		}
		catch (JacksonException ex) {
			throw RuleDefinitionException.of("document", "not JSON: " + ex.getOriginalMessage());
		}
		JsonNode nodesJson = root.path("nodes");
		if (!nodesJson.isArray() || nodesJson.size() > NODES_MAX) {
			throw RuleDefinitionException.of("nodes", "a JDM graph has an array of at most " + NODES_MAX + " nodes");
		}
		List<GraphNode> nodes = new ArrayList<>();
		Map<String, Integer> indexById = new HashMap<>();
		int inputs = 0;
		for (JsonNode node : nodesJson) {
			refuseCode(node);
		}
		for (JsonNode node : nodesJson) {
			GraphNode compiled = node(node);
			if (compiled.type.equals("inputNode")) {
				inputs++;
			}
			indexById.put(compiled.id, nodes.size());
			nodes.add(compiled);
		}
		if (inputs != 1) {
			throw RuleDefinitionException.of("nodes", "a JDM graph has exactly one inputNode, this one has " + inputs);
		}
		List<JdmGraph.Edge> edges = new ArrayList<>();
		for (JsonNode edge : root.path("edges")) {
			Integer source = indexById.get(edge.path("sourceId").asString(""));
			Integer target = indexById.get(edge.path("targetId").asString(""));
			if (source == null || target == null) {
				throw RuleDefinitionException.of("edge " + edge.path("id").asString(""), "joins a node that does not exist");
			}
			JsonNode handle = edge.get("sourceHandle");
			edges.add(new JdmGraph.Edge(source, target, handle == null || handle.isNull() ? null : handle.asString()));
		}
		int[] order = topologicalOrder(nodes.size(), edges);
		Object document = JsonValues.fromNode(root);
		return new JdmGraph(document == null ? Map.of() : document, nodes, edges, order, json.contains("$nodes"));
	}

	/** Checked over every node before any is compiled, so the refusal names the real reason. */
	private static void refuseCode(JsonNode node) {
		String name = node.path("name").asString(node.path("id").asString(""));
		switch (node.path("type").asString("")) {
			case "functionNode" -> throw RuleDefinitionException.of("node '" + name + "'",
					"is a JavaScript functionNode, which this engine does not run (JavaScript cannot be bounded, type-checked"
							+ " or reproduced); rewrite it as an expressionNode or a decision table");
			case "customNode" -> throw RuleDefinitionException.of("node '" + name + "'",
					"is a customNode, whose behaviour lives outside the model; it cannot be imported");
			default -> {
			}
		}
	}

	private static GraphNode node(JsonNode node) {
		String id = node.path("id").asString("");
		String name = node.path("name").asString(id);
		String type = node.path("type").asString("");
		JsonNode content = node.path("content");
		try {
			return switch (type) {
				case "inputNode", "outputNode" -> new GraphNode.Passing(id, name, type);
				case "expressionNode" -> expressions(id, name, content);
				case "decisionTableNode" -> table(id, name, content);
				case "switchNode" -> switchNode(id, name, content);
				case "decisionNode" -> new GraphNode.SubDecision(id, name, content.path("key").asString(""), Transform.of(content));
				default -> throw RuleDefinitionException.of("node '" + name + "'", "has an unknown type '" + type + "'");
			};
		}
		catch (RuleDefinitionException ex) {
			if (ex.problems().getFirst().location().startsWith("node ")) {
				throw ex;
			}
			throw RuleDefinitionException.of("node '" + name + "', " + ex.problems().getFirst().location(),
					ex.problems().getFirst().message());
		}
	}

	private static GraphNode expressions(String id, String name, JsonNode content) {
		List<String> keys = new ArrayList<>();
		List<ZenExpression> expressions = new ArrayList<>();
		for (JsonNode expression : content.path("expressions")) {
			String key = expression.path("key").asString("");
			String value = expression.path("value").asString("");
			if (key.isEmpty() || value.isBlank()) {
				continue;
			}
			keys.add(key);
			expressions.add(ZenExpression.compile(value));
		}
		return new GraphNode.Expressions(id, name, Transform.of(content), List.copyOf(keys), List.copyOf(expressions));
	}

	private static GraphNode switchNode(String id, String name, JsonNode content) {
		List<String> ids = new ArrayList<>();
		List<@Nullable ZenExpression> conditions = new ArrayList<>();
		for (JsonNode statement : content.path("statements")) {
			ids.add(statement.path("id").asString(""));
			String condition = statement.path("condition").asString("");
			conditions.add(condition.isBlank() ? null : ZenExpression.compile(condition));
		}
		boolean collect = "collect".equals(content.path("hitPolicy").asString("first"));
		return new GraphNode.Switch(id, name, List.copyOf(ids), conditions, collect);
	}

	private static GraphNode table(String id, String name, JsonNode content) {
		JsonNode inputs = content.path("inputs");
		JsonNode outputs = content.path("outputs");
		@Nullable ZenExpression[] fields = new ZenExpression[inputs.size()];
		List<String> inputIds = new ArrayList<>();
		for (int i = 0; i < inputs.size(); i++) {
			String field = inputs.get(i).path("field").asString("");
			fields[i] = field.isBlank() ? null : ZenExpression.compile(field);
			inputIds.add(inputs.get(i).path("id").asString(""));
		}
		List<TableNode.Output> columns = new ArrayList<>();
		List<String> outputIds = new ArrayList<>();
		for (JsonNode output : outputs) {
			String field = output.path("field").asString("");
			boolean collect = field.endsWith("[]");
			columns.add(new TableNode.Output(collect ? field.substring(0, field.length() - 2) : field, collect));
			outputIds.add(output.path("id").asString(""));
		}
		List<TableNode.Row> rows = new ArrayList<>();
		int rowNumber = 0;
		for (JsonNode rule : content.path("rules")) {
			rowNumber++;
			@Nullable ZenUnaryTest[] tests = new ZenUnaryTest[fields.length];
			@Nullable ZenExpression[] conditions = new ZenExpression[fields.length];
			for (int i = 0; i < fields.length; i++) {
				String cell = rule.path(inputIds.get(i)).asString("");
				if (cell.isBlank()) {
					continue;
				}
				try {
					if (fields[i] == null) {
						conditions[i] = ZenExpression.compile(cell);
					}
					else {
						tests[i] = ZenUnaryTest.compile(cell);
					}
				}
				catch (RuleDefinitionException ex) {
					throw RuleDefinitionException.of("row " + rowNumber + ", input '" + inputs.get(i).path("name").asString("") + "'",
							ex.getMessage());
				}
			}
			@Nullable ZenExpression[] cells = new ZenExpression[columns.size()];
			for (int i = 0; i < columns.size(); i++) {
				String cell = rule.path(outputIds.get(i)).asString("");
				if (!cell.isBlank() && !columns.get(i).path().isEmpty()) {
					cells[i] = ZenExpression.compile(cell);
				}
			}
			rows.add(new TableNode.Row(rule.path("_id").asString(String.valueOf(rowNumber)), tests, conditions, cells));
		}
		boolean collect = "collect".equals(content.path("hitPolicy").asString("first"));
		return new TableNode(id, name, Transform.of(content), fields, List.copyOf(columns), List.copyOf(rows), collect);
	}

	/** Kahn's algorithm, ties broken by declaration order so evaluation order never varies. */
	private static int[] topologicalOrder(int count, List<JdmGraph.Edge> edges) {
		int[] inDegree = new int[count];
		for (JdmGraph.Edge edge : edges) {
			inDegree[edge.target()]++;
		}
		Deque<Integer> ready = new ArrayDeque<>();
		for (int node = 0; node < count; node++) {
			if (inDegree[node] == 0) {
				ready.add(node);
			}
		}
		int[] order = new int[count];
		int placed = 0;
		while (!ready.isEmpty()) {
			int node = ready.poll();
			order[placed++] = node;
			for (JdmGraph.Edge edge : edges) {
				if (edge.source() == node && --inDegree[edge.target()] == 0) {
					ready.add(edge.target());
				}
			}
		}
		if (placed != count) {
			throw RuleDefinitionException.of("edges", "the graph has a cycle");
		}
		return order;
	}

}
