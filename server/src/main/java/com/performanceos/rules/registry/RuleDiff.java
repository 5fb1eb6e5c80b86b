package com.performanceos.rules.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import com.performanceos.rules.engine.JsonValues;

/**
 * {@code ruleDiff}: what differs between two versions' definitions, structurally. Expressions and settings are compared
 * key by key; table rows are aligned on their longest common subsequence (rows equal in both are unchanged, the rows
 * left between two aligned ones pair up as changed, the rest are added or removed); graph nodes are matched by id
 * (their position on the canvas ignored) and edges by source, target and handle.
 */
final class RuleDiff {

	/** Rows compared by alignment at most: the table limit (10,000) squared would be a 100-million-cell matrix. */
	static final int ALIGNED_ROWS_MAX = 2_000;

	private RuleDiff() {
	}

	/** The schema's {@code RuleDiffChangeKind}. */
	enum Kind {
		EXPRESSION_CHANGED, SETTING_CHANGED, ROW_ADDED, ROW_REMOVED, ROW_CHANGED, NODE_ADDED, NODE_REMOVED, NODE_CHANGED, EDGE_ADDED,
		EDGE_REMOVED
	}

	/** The schema's {@code RuleDiffChange}. */
	record Change(Kind kind, String path, @Nullable Object before, @Nullable Object after) {
	}

	/**
	 * The schema's {@code RuleDiffPayload} (the readable texts are resolved from the versions).
	 * @param from the older version
	 * @param to the newer version
	 * @param changes what differs
	 * @param userErrors why nothing was compared
	 */
	record Payload(@Nullable RuleVersion from, @Nullable RuleVersion to, List<Change> changes, List<RulesError> userErrors) {

		static Payload failed(RulesErrorCode code, String message, String field) {
			return new Payload(null, null, List.of(), List.of(new RulesError(code, message, List.of(field))));
		}

	}

	/** The differences between two definitions (canonical JSON texts) of a rule of {@code kind}. */
	static List<Change> between(RuleKind kind, String before, String after) {
		Map<?, ?> older = object(JsonValues.parse(before));
		Map<?, ?> newer = object(JsonValues.parse(after));
		List<Change> changes = new ArrayList<>();
		Set<String> special = kind == RuleKind.DECISION_GRAPH ? Set.of("nodes", "edges")
				: kind == RuleKind.DECISION_TABLE ? Set.of("rules") : Set.of("variables");
		for (String key : keys(older, newer)) {
			if (special.contains(key)) {
				continue;
			}
			Object was = older.get(key);
			Object is = newer.get(key);
			if (!Objects.equals(was, is)) {
				changes.add(new Change(key.equals("expression") ? Kind.EXPRESSION_CHANGED : Kind.SETTING_CHANGED, key, was, is));
			}
		}
		switch (kind) {
			case EXPRESSION -> entries(changes, "variables", object(older.get("variables")), object(newer.get("variables")));
			case DECISION_TABLE -> rows(changes, list(older.get("rules")), list(newer.get("rules")));
			case DECISION_GRAPH -> graph(changes, older, newer);
		}
		return changes;
	}

	private static void entries(List<Change> changes, String prefix, Map<?, ?> older, Map<?, ?> newer) {
		for (String key : keys(older, newer)) {
			if (!Objects.equals(older.get(key), newer.get(key))) {
				changes.add(new Change(Kind.SETTING_CHANGED, prefix + "." + key, older.get(key), newer.get(key)));
			}
		}
	}

	private static void rows(List<Change> changes, List<?> older, List<?> newer) {
		if (older.size() > ALIGNED_ROWS_MAX || newer.size() > ALIGNED_ROWS_MAX) {
			positional(changes, older, newer);
			return;
		}
		int[][] common = new int[older.size() + 1][newer.size() + 1];
		for (int i = older.size() - 1; i >= 0; i--) {
			for (int j = newer.size() - 1; j >= 0; j--) {
				common[i][j] = Objects.equals(older.get(i), newer.get(j)) ? common[i + 1][j + 1] + 1
						: Math.max(common[i + 1][j], common[i][j + 1]);
			}
		}
		int i = 0;
		int j = 0;
		List<Integer> removed = new ArrayList<>();
		List<Integer> added = new ArrayList<>();
		while (i < older.size() || j < newer.size()) {
			if (i < older.size() && j < newer.size() && Objects.equals(older.get(i), newer.get(j))) {
				pair(changes, older, newer, removed, added);
				i++;
				j++;
			}
			else if (j < newer.size() && (i == older.size() || common[i][j + 1] >= common[i + 1][j])) {
				added.add(j++);
			}
			else {
				removed.add(i++);
			}
		}
		pair(changes, older, newer, removed, added);
	}

	/** Rows left between two aligned ones: pairwise changed, the surplus added or removed. */
	private static void pair(List<Change> changes, List<?> older, List<?> newer, List<Integer> removed, List<Integer> added) {
		int paired = Math.min(removed.size(), added.size());
		for (int k = 0; k < paired; k++) {
			changes.add(new Change(Kind.ROW_CHANGED, "rules[" + added.get(k) + "]", older.get(removed.get(k)), newer.get(added.get(k))));
		}
		for (int k = paired; k < removed.size(); k++) {
			changes.add(new Change(Kind.ROW_REMOVED, "rules[" + removed.get(k) + "]", older.get(removed.get(k)), null));
		}
		for (int k = paired; k < added.size(); k++) {
			changes.add(new Change(Kind.ROW_ADDED, "rules[" + added.get(k) + "]", null, newer.get(added.get(k))));
		}
		removed.clear();
		added.clear();
	}

	private static void positional(List<Change> changes, List<?> older, List<?> newer) {
		for (int k = 0; k < Math.max(older.size(), newer.size()); k++) {
			Object was = k < older.size() ? older.get(k) : null;
			Object is = k < newer.size() ? newer.get(k) : null;
			if (!Objects.equals(was, is)) {
				changes.add(new Change(was == null ? Kind.ROW_ADDED : is == null ? Kind.ROW_REMOVED : Kind.ROW_CHANGED, "rules[" + k + "]",
						was, is));
			}
		}
	}

	private static void graph(List<Change> changes, Map<?, ?> older, Map<?, ?> newer) {
		Map<String, Map<?, ?>> olderNodes = nodes(older);
		Map<String, Map<?, ?>> newerNodes = nodes(newer);
		for (String id : keys(olderNodes, newerNodes)) {
			Map<?, ?> was = olderNodes.get(id);
			Map<?, ?> is = newerNodes.get(id);
			String path = "nodes[" + name(is != null ? is : Objects.requireNonNull(was), id) + "]";
			if (was == null) {
				changes.add(new Change(Kind.NODE_ADDED, path, null, is));
			}
			else if (is == null) {
				changes.add(new Change(Kind.NODE_REMOVED, path, was, null));
			}
			else if (!withoutPosition(was).equals(withoutPosition(is))) {
				changes.add(new Change(Kind.NODE_CHANGED, path, was, is));
			}
		}
		Map<String, Object> olderEdges = edges(older, olderNodes);
		Map<String, Object> newerEdges = edges(newer, newerNodes);
		for (String edge : keys(olderEdges, newerEdges)) {
			if (!olderEdges.containsKey(edge)) {
				changes.add(new Change(Kind.EDGE_ADDED, "edges[" + edge + "]", null, newerEdges.get(edge)));
			}
			else if (!newerEdges.containsKey(edge)) {
				changes.add(new Change(Kind.EDGE_REMOVED, "edges[" + edge + "]", olderEdges.get(edge), null));
			}
		}
	}

	private static Map<String, Map<?, ?>> nodes(Map<?, ?> graph) {
		Map<String, Map<?, ?>> byId = new LinkedHashMap<>();
		for (Object node : list(graph.get("nodes"))) {
			Map<?, ?> fields = object(node);
			byId.put(String.valueOf(fields.get("id")), fields);
		}
		return byId;
	}

	/** Edges keyed {@code source→target} (with {@code :handle} for a switch's statement), by node name. */
	private static Map<String, Object> edges(Map<?, ?> graph, Map<String, Map<?, ?>> nodes) {
		Map<String, Object> byEnds = new LinkedHashMap<>();
		for (Object edge : list(graph.get("edges"))) {
			Map<?, ?> fields = object(edge);
			String source = String.valueOf(fields.get("sourceId"));
			String target = String.valueOf(fields.get("targetId"));
			Object handle = fields.get("sourceHandle");
			String key = name(nodes.get(source), source) + "→" + name(nodes.get(target), target) + (handle == null ? "" : ":" + handle);
			byEnds.put(key, edge);
		}
		return byEnds;
	}

	private static String name(@Nullable Map<?, ?> node, String id) {
		return node != null && node.get("name") instanceof String name ? name : id;
	}

	private static Map<?, ?> withoutPosition(Map<?, ?> node) {
		Map<Object, Object> copy = new LinkedHashMap<>(node);
		copy.remove("position");
		return copy;
	}

	private static Set<String> keys(Map<?, ?> older, Map<?, ?> newer) {
		Set<String> keys = new LinkedHashSet<>();
		older.keySet().forEach(key -> keys.add(String.valueOf(key)));
		newer.keySet().forEach(key -> keys.add(String.valueOf(key)));
		return keys;
	}

	private static Map<?, ?> object(@Nullable Object value) {
		return value instanceof Map<?, ?> map ? map : Map.of();
	}

	private static List<?> list(@Nullable Object value) {
		return value instanceof List<?> list ? list : List.of();
	}

}
