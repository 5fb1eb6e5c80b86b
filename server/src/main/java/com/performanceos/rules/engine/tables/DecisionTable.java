package com.performanceos.rules.engine.tables;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.performanceos.rules.engine.RuleDefinitionException;
import com.performanceos.rules.engine.RuleDefinitionException.Problem;
import com.performanceos.rules.engine.RuleEvaluationException;
import com.performanceos.rules.engine.zen.EvaluationContext;
import com.performanceos.rules.engine.zen.ZenExpression;
import com.performanceos.rules.engine.zen.ZenUnaryTest;
import org.jspecify.annotations.Nullable;

/**
 * A checked, compiled decision table. Built once per version ({@link #build}); evaluation is
 * read-only and thread-safe.
 */
public final class DecisionTable {

	/**
	 * The result of one evaluation.
	 * @param output the table's result under its hit policy
	 * @param trace per rule: whether each input cell held, whether the rule matched, its outputs
	 */
	public record Result(@Nullable Object output, List<RuleTrace> trace) {
	}

	/**
	 * @param rule 1-based rule number
	 * @param cells one entry per input column: whether the cell held (null when not evaluated,
	 * because an earlier cell of the rule already failed)
	 * @param matched whether every cell held
	 * @param outputs the rule's outputs when it matched
	 */
	public record RuleTrace(int rule, List<@Nullable Boolean> cells, boolean matched, @Nullable Object outputs) {
	}

	private final TableDefinition definition;

	private final List<ZenExpression> inputExpressions;

	private final ZenUnaryTest[][] tests;

	private final ZenExpression[][] outputs;

	private final List<Problem> warnings;

	private DecisionTable(TableDefinition definition, List<ZenExpression> inputExpressions, ZenUnaryTest[][] tests,
			ZenExpression[][] outputs, List<Problem> warnings) {
		this.definition = definition;
		this.inputExpressions = inputExpressions;
		this.tests = tests;
		this.outputs = outputs;
		this.warnings = warnings;
	}

	/**
	 * Parses and type-checks every cell, refuses a UNIQUE table whose rules overlap (naming both),
	 * and looks for gaps (inputs no rule matches), which are warnings with an example input.
	 * @throws RuleDefinitionException listing every problem found, each with its row and column
	 */
	public static DecisionTable build(TableDefinition definition) {
		List<Problem> problems = new ArrayList<>();
		checkShape(definition, problems);
		if (!problems.isEmpty()) {
			throw new RuleDefinitionException(problems);
		}
		List<ZenExpression> inputExpressions = new ArrayList<>();
		for (TableDefinition.InputColumn column : definition.inputs()) {
			try {
				inputExpressions.add(ZenExpression.compile(column.expression()));
			}
			catch (RuleDefinitionException ex) {
				problems.add(new Problem("input column '" + column.name() + "'", ex.getMessage()));
			}
		}
		int rowCount = definition.rules().size();
		ZenUnaryTest[][] tests = new ZenUnaryTest[rowCount][];
		ZenExpression[][] outputs = new ZenExpression[rowCount][];
		for (int row = 0; row < rowCount; row++) {
			tests[row] = TableChecks.inputCells(definition, row, problems);
			outputs[row] = TableChecks.outputCells(definition, row, problems);
		}
		if (!problems.isEmpty()) {
			throw new RuleDefinitionException(problems);
		}
		if (definition.hitPolicy() == HitPolicy.UNIQUE) {
			problems.addAll(TableAnalysis.overlaps(definition, tests));
			if (!problems.isEmpty()) {
				throw new RuleDefinitionException(problems);
			}
		}
		DecisionTable table = new DecisionTable(definition, List.copyOf(inputExpressions), tests, outputs, List.of());
		List<Problem> warnings = TableAnalysis.gaps(table, definition, tests);
		return new DecisionTable(definition, table.inputExpressions, tests, outputs, List.copyOf(warnings));
	}

	private static void checkShape(TableDefinition definition, List<Problem> problems) {
		if (definition.rules().size() > TableDefinition.RULES_MAX || definition.inputs().size() > TableDefinition.COLUMNS_MAX
				|| definition.outputs().size() > TableDefinition.COLUMNS_MAX) {
			problems.add(new Problem("table", "at most " + TableDefinition.RULES_MAX + " rules and "
					+ TableDefinition.COLUMNS_MAX + " columns of each kind"));
		}
		if (definition.outputs().isEmpty()) {
			problems.add(new Problem("table", "a decision table has at least one output column"));
		}
		if (definition.hitPolicy().aggregates() && definition.outputs().size() != 1) {
			problems.add(new Problem("table", definition.hitPolicy().symbol() + " aggregates a single output column"));
		}
		if ((definition.hitPolicy() == HitPolicy.COLLECT_SUM) && definition.outputs().size() == 1
				&& definition.outputs().getFirst().type() != ColumnType.NUMBER) {
			problems.add(new Problem("table", "C+ sums a NUMBER output"));
		}
		if (definition.hitPolicy().usesPriority() && definition.outputs().stream().allMatch((o) -> o.values().isEmpty())) {
			problems.add(new Problem("table", definition.hitPolicy() + " needs output values in priority order"));
		}
		for (int row = 0; row < definition.rules().size(); row++) {
			TableDefinition.Rule rule = definition.rules().get(row);
			if (rule.inputEntries().size() != definition.inputs().size()
					|| rule.outputEntries().size() != definition.outputs().size()) {
				problems.add(new Problem("row " + (row + 1), "has " + rule.inputEntries().size() + " input and "
						+ rule.outputEntries().size() + " output entries, the table has " + definition.inputs().size() + " and "
						+ definition.outputs().size() + " columns"));
			}
		}
	}

	public TableDefinition definition() {
		return this.definition;
	}

	/** Gaps found at build: each names an input that no rule matches. */
	public List<Problem> warnings() {
		return this.warnings;
	}

	/** Evaluates the table against an input object (engine values). */
	public Result evaluate(@Nullable Object input, EvaluationContext context) {
		return evaluate(input, context, false);
	}

	/** Evaluates and records, per rule, each cell's result and the outputs. */
	public Result evaluateTraced(@Nullable Object input, EvaluationContext context) {
		return evaluate(input, context, true);
	}

	private Result evaluate(@Nullable Object input, EvaluationContext context, boolean tracing) {
		Object[] values = columnValues(input, context);
		List<Integer> matched = new ArrayList<>();
		List<RuleTrace> trace = tracing ? new ArrayList<>() : List.of();
		HitPolicy policy = this.definition.hitPolicy();
		for (int row = 0; row < this.tests.length; row++) {
			List<@Nullable Boolean> cells = tracing ? new ArrayList<>() : null;
			boolean matches = matches(row, values, input, context, cells);
			if (matches) {
				matched.add(row);
			}
			if (tracing) {
				trace.add(new RuleTrace(row + 1, java.util.Collections.unmodifiableList(cells), matches, matches ? outputsOf(row, input, context) : null));
			}
			else if (matches && policy == HitPolicy.FIRST) {
				break;
			}
		}
		return new Result(HitPolicies.apply(this, matched, input, context), trace);
	}

	Object[] columnValues(@Nullable Object input, EvaluationContext context) {
		Object[] values = new Object[this.inputExpressions.size()];
		for (int column = 0; column < values.length; column++) {
			try {
				values[column] = this.inputExpressions.get(column).evaluate(input, context);
			}
			catch (RuleEvaluationException ex) {
				if (ex.code() != RuleEvaluationException.Code.EVALUATION_ERROR) {
					throw ex;
				}
				// DMN: an input expression that cannot be evaluated gives null, which only '-' matches.
				values[column] = null;
			}
		}
		return values;
	}

	boolean matches(int row, Object[] values, @Nullable Object input, EvaluationContext context,
			@Nullable List<@Nullable Boolean> cells) {
		boolean matches = true;
		for (int column = 0; column < values.length; column++) {
			if (!matches) {
				if (cells != null) {
					cells.add(null);
				}
				continue;
			}
			boolean held = this.tests[row][column].test(values[column], input, null, context);
			if (cells != null) {
				cells.add(held);
			}
			matches = held;
		}
		return matches;
	}

	/** A rule's outputs: the value itself for a single output column, an object by column name otherwise. */
	@Nullable Object outputsOf(int row, @Nullable Object input, EvaluationContext context) {
		List<TableDefinition.OutputColumn> columns = this.definition.outputs();
		if (columns.size() == 1) {
			return this.outputs[row][0].evaluate(input, context);
		}
		Map<String, @Nullable Object> result = new LinkedHashMap<>();
		for (int column = 0; column < columns.size(); column++) {
			result.put(columns.get(column).name(), this.outputs[row][column].evaluate(input, context));
		}
		return result;
	}

	/** Orders rules by output priority: earlier in an output column's value list is higher. */
	Comparator<Integer> priority(@Nullable Object input, EvaluationContext context) {
		List<TableDefinition.OutputColumn> columns = this.definition.outputs();
		return (a, b) -> {
			for (int column = 0; column < columns.size(); column++) {
				List<Object> order = columns.get(column).values();
				if (order.isEmpty()) {
					continue;
				}
				int rankA = rank(order, this.outputs[a][column].evaluate(input, context));
				int rankB = rank(order, this.outputs[b][column].evaluate(input, context));
				if (rankA != rankB) {
					return Integer.compare(rankA, rankB);
				}
			}
			return Integer.compare(a, b);
		};
	}

	private static int rank(List<Object> order, @Nullable Object value) {
		for (int i = 0; i < order.size(); i++) {
			Object candidate = order.get(i);
			if (candidate.equals(value) || (candidate instanceof BigDecimal x && value instanceof BigDecimal y && x.compareTo(y) == 0)) {
				return i;
			}
		}
		return order.size();
	}

}
