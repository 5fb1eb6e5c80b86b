package com.performanceos.rules.engine.graphs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.performanceos.rules.engine.RuleEvaluationException;
import com.performanceos.rules.engine.zen.ZenExpression;
import org.jspecify.annotations.Nullable;

/** A compiled node of a decision graph. */
abstract class GraphNode {

	final String id;

	final String name;

	final String type;

	GraphNode(String id, String name, String type) {
		this.id = id;
		this.name = name;
		this.type = type;
	}

	abstract @Nullable Object evaluate(@Nullable Object input, Run run);

	/** The input node passes the decision's input on; the output node returns what reaches it. */
	static final class Passing extends GraphNode {

		Passing(String id, String name, String type) {
			super(id, name, type);
		}

		@Override
		@Nullable Object evaluate(@Nullable Object input, Run run) {
			return input;
		}

	}

	/**
	 * Evaluates its expressions in order; each result is written at its key (a dotted path) and
	 * is visible to the following expressions as {@code $.key}.
	 */
	static final class Expressions extends GraphNode {

		private final Transform transform;

		private final List<String> keys;

		private final List<ZenExpression> expressions;

		Expressions(String id, String name, Transform transform, List<String> keys, List<ZenExpression> expressions) {
			super(id, name, "expressionNode");
			this.transform = transform;
			this.keys = keys;
			this.expressions = expressions;
		}

		@Override
		@Nullable Object evaluate(@Nullable Object input, Run run) {
			return this.transform.apply(input, run, (element) -> {
				Map<String, @Nullable Object> result = new LinkedHashMap<>();
				for (int i = 0; i < this.keys.size(); i++) {
					Object value;
					try {
						value = this.expressions.get(i).evaluate(element, result, run.nodes(), run.context());
					}
					catch (RuleEvaluationException ex) {
						throw new RuleEvaluationException(ex.code(), "node '" + this.name + "', expression '"
								+ this.keys.get(i) + "' = `" + this.expressions.get(i).source() + "`: " + ex.getMessage(), ex);
					}
					Variables.dotInsert(result, this.keys.get(i), value);
				}
				return result;
			});
		}

	}

	/** Calls another decision (a published rule, found by the resolver) with this node's input. */
	static final class SubDecision extends GraphNode {

		/** Sub-decisions nest at most this deep, which also stops a rule that calls itself. */
		static final int DEPTH_MAX = 5;

		private final String key;

		private final Transform transform;

		SubDecision(String id, String name, String key, Transform transform) {
			super(id, name, "decisionNode");
			this.key = key;
			this.transform = transform;
		}

		String key() {
			return this.key;
		}

		@Override
		@Nullable Object evaluate(@Nullable Object input, Run run) {
			if (run.depth() >= DEPTH_MAX) {
				throw new RuleEvaluationException(RuleEvaluationException.Code.UNRESOLVED_DECISION,
						"sub-decisions nest deeper than " + DEPTH_MAX + " at node '" + this.name + "'");
			}
			Decision decision = run.resolver().decision(this.key);
			if (decision == null) {
				throw new RuleEvaluationException(RuleEvaluationException.Code.UNRESOLVED_DECISION,
						"node '" + this.name + "' calls '" + this.key + "', which is not known");
			}
			return this.transform.apply(input, run, (element) -> {
				if (!run.tracing()) {
					return decision.evaluate(element, run.context(), run.resolver(), run.depth() + 1, null);
				}
				// The called decision's own steps are nested under this call, with the version it resolved to.
				List<Map<String, @Nullable Object>> nested = new ArrayList<>();
				Object output = decision.evaluate(element, run.context(), run.resolver(), run.depth() + 1, nested);
				Map<String, @Nullable Object> entry = new LinkedHashMap<>();
				entry.put("node", this.name);
				entry.put("type", "subDecision");
				entry.put("decision", this.key);
				entry.put("calls", run.resolver().describe(this.key));
				entry.put("trace", nested);
				run.trace(entry);
				return output;
			});
		}

	}

	/** Chooses the outgoing edges whose statements hold: the first (FIRST) or all of them (COLLECT). */
	static final class Switch extends GraphNode {

		private final List<String> statementIds;

		private final List<@Nullable ZenExpression> conditions;

		private final boolean collect;

		Switch(String id, String name, List<String> statementIds, List<@Nullable ZenExpression> conditions, boolean collect) {
			super(id, name, "switchNode");
			this.statementIds = statementIds;
			this.conditions = conditions;
			this.collect = collect;
		}

		@Override
		@Nullable Object evaluate(@Nullable Object input, Run run) {
			return input;
		}

		List<String> chosen(@Nullable Object input, Run run) {
			List<String> chosen = new ArrayList<>(1);
			for (int i = 0; i < this.conditions.size(); i++) {
				ZenExpression condition = this.conditions.get(i);
				if (condition == null || holds(condition, input, run)) {
					chosen.add(this.statementIds.get(i));
					if (!this.collect) {
						break;
					}
				}
			}
			return chosen;
		}

		private static boolean holds(ZenExpression condition, @Nullable Object input, Run run) {
			try {
				return Boolean.TRUE.equals(condition.evaluate(input, null, run.nodes(), run.context()));
			}
			catch (RuleEvaluationException ex) {
				if (ex.code() != RuleEvaluationException.Code.EVALUATION_ERROR) {
					throw ex;
				}
				return false;
			}
		}

	}

}
