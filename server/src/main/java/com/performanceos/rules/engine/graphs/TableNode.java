package com.performanceos.rules.engine.graphs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.performanceos.rules.engine.RuleEvaluationException;
import com.performanceos.rules.engine.zen.ZenExpression;
import com.performanceos.rules.engine.zen.ZenUnaryTest;
import org.jspecify.annotations.Nullable;

/**
 * A JDM decision table, with ZEN's semantics: hit policy {@code first} (the first matching row's
 * outputs, or null) or {@code collect} (the list of every matching row's outputs); an output
 * field ending in {@code []} collects that column over every matching row even under
 * {@code first}. A row whose output fails to evaluate counts as not matching, as in ZEN.
 */
final class TableNode extends GraphNode {

	/** One row: a unary test per input column with a field, a boolean expression per column without. */
	record Row(String rowId, @Nullable ZenUnaryTest[] tests, @Nullable ZenExpression[] conditions,
			@Nullable ZenExpression[] outputs) {
	}

	/** An output column: the dotted path written, and whether it collects ({@code field[]}). */
	record Output(String path, boolean collect) {
	}

	private final Transform transform;

	private final @Nullable ZenExpression[] fields;

	private final List<Output> outputs;

	private final List<Row> rows;

	private final boolean collect;

	private final boolean hasCollectColumns;

	TableNode(String id, String name, Transform transform, @Nullable ZenExpression[] fields, List<Output> outputs,
			List<Row> rows, boolean collect) {
		super(id, name, "decisionTableNode");
		this.transform = transform;
		this.fields = fields;
		this.outputs = outputs;
		this.rows = rows;
		this.collect = collect;
		this.hasCollectColumns = outputs.stream().anyMatch(Output::collect);
	}

	@Override
	@Nullable Object evaluate(@Nullable Object input, Run run) {
		return this.transform.apply(input, run, (element) -> evaluateTable(element, run));
	}

	private @Nullable Object evaluateTable(@Nullable Object input, Run run) {
		Object[] columnValues = new Object[this.fields.length];
		boolean[] computed = new boolean[this.fields.length];
		List<@Nullable Object> collected = this.collect ? new ArrayList<>() : List.of();
		List<Integer> matchedRows = run.tracing() ? new ArrayList<>() : List.of();
		Map<String, @Nullable Object> scalars = null;
		List<List<@Nullable Object>> columns = null;
		for (int index = 0; index < this.rows.size(); index++) {
			Row row = this.rows.get(index);
			if (!matches(row, input, columnValues, computed, run)) {
				continue;
			}
			if (this.hasCollectColumns && !this.collect) {
				if (columns == null) {
					columns = new ArrayList<>();
					for (int i = 0; i < this.outputs.size(); i++) {
						columns.add(new ArrayList<>());
					}
				}
				Map<String, @Nullable Object> rowScalars = outputs(row, input, run, false);
				List<@Nullable Object> rowCollects = collectCells(row, input, run);
				if (rowScalars == null || rowCollects == null) {
					continue;
				}
				if (scalars == null) {
					scalars = rowScalars;
				}
				for (int i = 0; i < this.outputs.size(); i++) {
					if (this.outputs.get(i).collect() && row.outputs()[i] != null) {
						columns.get(i).add(rowCollects.get(i));
					}
				}
				if (run.tracing()) {
					matchedRows.add(index);
				}
				continue;
			}
			Map<String, @Nullable Object> output = outputs(row, input, run, true);
			if (output == null) {
				continue;
			}
			if (run.tracing()) {
				matchedRows.add(index);
			}
			if (!this.collect) {
				trace(run, matchedRows);
				return output;
			}
			collected.add(output);
		}
		trace(run, matchedRows);
		if (this.collect) {
			return collected;
		}
		if (columns == null) {
			return null;
		}
		Map<String, @Nullable Object> result = scalars != null ? scalars : new LinkedHashMap<>();
		for (int i = 0; i < this.outputs.size(); i++) {
			if (this.outputs.get(i).collect()) {
				Variables.dotInsert(result, this.outputs.get(i).path(), columns.get(i));
			}
		}
		return result;
	}

	private void trace(Run run, List<Integer> matchedRows) {
		if (run.tracing()) {
			Map<String, @Nullable Object> entry = new LinkedHashMap<>();
			entry.put("node", this.name);
			entry.put("matchedRows", new ArrayList<@Nullable Object>(matchedRows.stream()
				.map((index) -> (Object) this.rows.get(index).rowId())
				.toList()));
			run.trace(entry);
		}
	}

	private boolean matches(Row row, @Nullable Object input, Object[] columnValues, boolean[] computed, Run run) {
		for (int column = 0; column < this.fields.length; column++) {
			ZenUnaryTest test = row.tests()[column];
			if (test != null) {
				if (!computed[column]) {
					columnValues[column] = columnValue(column, input, run);
					computed[column] = true;
				}
				if (!test.test(columnValues[column], input, run.nodes(), run.context())) {
					return false;
				}
			}
			ZenExpression condition = row.conditions()[column];
			if (condition != null && !Boolean.TRUE.equals(evaluateOrNull(condition, input, run))) {
				return false;
			}
		}
		return true;
	}

	private @Nullable Object columnValue(int column, @Nullable Object input, Run run) {
		ZenExpression field = this.fields[column];
		return field == null ? null : evaluateOrNull(field, input, run);
	}

	/** Scalar outputs of a row, or null when one fails to evaluate (the row then does not match). */
	private @Nullable Map<String, @Nullable Object> outputs(Row row, @Nullable Object input, Run run, boolean includeCollect) {
		Map<String, @Nullable Object> output = new LinkedHashMap<>();
		for (int i = 0; i < this.outputs.size(); i++) {
			ZenExpression cell = row.outputs()[i];
			if (cell == null || (this.outputs.get(i).collect() && !includeCollect)) {
				continue;
			}
			Object[] value = { null };
			if (!evaluateInto(cell, input, run, value)) {
				return null;
			}
			Variables.dotInsert(output, this.outputs.get(i).path(), value[0]);
		}
		return output;
	}

	private @Nullable List<@Nullable Object> collectCells(Row row, @Nullable Object input, Run run) {
		List<@Nullable Object> values = new ArrayList<>(Arrays.asList(new Object[this.outputs.size()]));
		for (int i = 0; i < this.outputs.size(); i++) {
			ZenExpression cell = row.outputs()[i];
			if (cell != null && this.outputs.get(i).collect()) {
				Object[] value = { null };
				if (!evaluateInto(cell, input, run, value)) {
					return null;
				}
				values.set(i, value[0]);
			}
		}
		return values;
	}

	private static boolean evaluateInto(ZenExpression expression, @Nullable Object input, Run run, Object[] value) {
		try {
			value[0] = expression.evaluate(input, null, run.nodes(), run.context());
			return true;
		}
		catch (RuleEvaluationException ex) {
			if (ex.code() != RuleEvaluationException.Code.EVALUATION_ERROR) {
				throw ex;
			}
			return false;
		}
	}

	/** A value that cannot be computed is null here, as in ZEN (the cell then does not match). */
	private static @Nullable Object evaluateOrNull(ZenExpression expression, @Nullable Object input, Run run) {
		Object[] value = { null };
		return evaluateInto(expression, input, run, value) ? value[0] : null;
	}

}
