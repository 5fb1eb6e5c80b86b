package com.performanceos.rules.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.performanceos.rules.engine.RuleEvaluationException;
import com.performanceos.rules.engine.expressions.CompiledExpression;
import com.performanceos.rules.engine.graphs.Decision;
import com.performanceos.rules.engine.graphs.DecisionResolver;
import com.performanceos.rules.engine.graphs.JdmGraph;
import com.performanceos.rules.engine.tables.DecisionTable;
import com.performanceos.rules.engine.zen.EvaluationContext;

/**
 * A version compiled once, evaluated many times by any thread. Every evaluation gets its own budget, and its clock
 * is an input (the day the version is evaluated for), never the system's: the same version and input give the
 * same output on every instance.
 */
sealed interface CompiledRule {

	/**
	 * The output and, when asked, the trace (engine values).
	 * @throws RuleEvaluationException a limit reached or an input the rule cannot evaluate
	 */
	Evaluation evaluate(@Nullable Object input, Budget budget, boolean traced);

	/**
	 * As {@link #evaluate(Object, Budget, boolean)}, with the sub-decisions of a graph resolved by {@code resolver};
	 * other kinds call no sub-decision.
	 */
	default Evaluation evaluate(@Nullable Object input, Budget budget, boolean traced, DecisionResolver resolver) {
		return evaluate(input, budget, traced);
	}

	/**
	 * This rule as a sub-decision another graph calls: it shares the caller's context (one step budget and deadline
	 * for the whole decision); a CEL expression, which keeps its own counter, gets the registry's budget.
	 */
	Decision asDecision(Budget budget);

	/** Gaps of a table (inputs no row matches) and the like: saved, but worth a look. */
	default List<String> warnings() {
		return List.of();
	}

	/**
	 * What one evaluation may spend, and the clock it sees.
	 * @param steps the step budget
	 * @param timeoutNanos the wall-clock budget
	 * @param nowEpochSeconds what {@code date('now')} answers in ZEN expressions
	 */
	record Budget(long steps, long timeoutNanos, long nowEpochSeconds) {

		EvaluationContext context() {
			return new EvaluationContext(nowEpochSeconds, steps, timeoutNanos);
		}

	}

	/** An output and its trace (null when not asked for). */
	record Evaluation(@Nullable Object output, @Nullable Object trace) {
	}

	/** A CEL expression; its inputs must be an object of the declared variables. */
	record Expression(CompiledExpression expression) implements CompiledRule {

		@Override
		public Evaluation evaluate(@Nullable Object input, Budget budget, boolean traced) {
			if (!(input instanceof Map<?, ?> variables)) {
				throw new RuleEvaluationException(RuleEvaluationException.Code.EVALUATION_ERROR,
						"the input of an expression is an object of its variables");
			}
			@SuppressWarnings("unchecked")
			Object output = expression.evaluate((Map<String, ?>) variables, budget.steps(), budget.timeoutNanos());
			if (!traced) {
				return new Evaluation(output, null);
			}
			Map<String, @Nullable Object> trace = new LinkedHashMap<>();
			trace.put("expression", expression.source());
			trace.put("variables", variables);
			trace.put("result", output);
			return new Evaluation(output, trace);
		}

		@Override
		public Decision asDecision(Budget budget) {
			return (input, context, resolver, depth, trace) -> {
				Evaluation evaluation = evaluate(input, budget, trace != null);
				if (trace != null) {
					trace.add(Map.of("expression", expression.source(), "output", evaluation.output() == null ? "null" : evaluation.output()));
				}
				return evaluation.output();
			};
		}

	}

	/** A decision table; its trace lists each row's cells and whether it matched. */
	record Table(DecisionTable table) implements CompiledRule {

		@Override
		public Evaluation evaluate(@Nullable Object input, Budget budget, boolean traced) {
			if (!traced) {
				return new Evaluation(table.evaluate(input, budget.context()).output(), null);
			}
			DecisionTable.Result result = table.evaluateTraced(input, budget.context());
			List<Object> rows = new ArrayList<>();
			for (DecisionTable.RuleTrace row : result.trace()) {
				Map<String, @Nullable Object> entry = new LinkedHashMap<>();
				entry.put("row", row.rule());
				entry.put("cells", row.cells());
				entry.put("matched", row.matched());
				entry.put("outputs", row.outputs());
				rows.add(entry);
			}
			Map<String, @Nullable Object> trace = new LinkedHashMap<>();
			trace.put("hitPolicy", table.definition().hitPolicy().name());
			trace.put("rows", rows);
			return new Evaluation(result.output(), trace);
		}

		@Override
		public Decision asDecision(Budget budget) {
			return (input, context, resolver, depth, trace) -> {
				if (trace == null) {
					return table.evaluate(input, context).output();
				}
				DecisionTable.Result result = table.evaluateTraced(input, context);
				List<Integer> matched = result.trace().stream().filter(DecisionTable.RuleTrace::matched).map(DecisionTable.RuleTrace::rule).toList();
				Map<String, @Nullable Object> entry = new LinkedHashMap<>();
				entry.put("hitPolicy", table.definition().hitPolicy().name());
				entry.put("matchedRows", matched);
				entry.put("output", result.output());
				trace.add(entry);
				return result.output();
			};
		}

		@Override
		public List<String> warnings() {
			return table.warnings().stream().map(Object::toString).toList();
		}

	}

	/** A JDM decision graph; its trace lists each node run and each table's matched rows. */
	record Graph(JdmGraph graph) implements CompiledRule {

		@Override
		public Evaluation evaluate(@Nullable Object input, Budget budget, boolean traced) {
			return evaluate(input, budget, traced, DecisionResolver.NONE);
		}

		@Override
		public Evaluation evaluate(@Nullable Object input, Budget budget, boolean traced, DecisionResolver resolver) {
			if (!traced) {
				return new Evaluation(graph.evaluate(input, budget.context(), resolver), null);
			}
			JdmGraph.Traced result = graph.evaluateTraced(input, budget.context(), resolver);
			return new Evaluation(result.result(), result.trace());
		}

		@Override
		public Decision asDecision(Budget budget) {
			return graph.asDecision();
		}

	}

	/** A kind applied by its owning module (a commission plan by calculation runs), not by {@code evaluateRule}. */
	record Delegated(RuleKind kind) implements CompiledRule {

		@Override
		public Evaluation evaluate(@Nullable Object input, Budget budget, boolean traced) {
			throw new RuleEvaluationException(RuleEvaluationException.Code.EVALUATION_ERROR,
					"a " + kind + " is applied by its module (calculation runs, what-if), not evaluated on its own");
		}

		@Override
		public Decision asDecision(Budget budget) {
			throw new RuleEvaluationException(RuleEvaluationException.Code.EVALUATION_ERROR,
					"a " + kind + " is applied by its module (calculation runs, what-if), not called as a sub-decision");
		}

	}

}
