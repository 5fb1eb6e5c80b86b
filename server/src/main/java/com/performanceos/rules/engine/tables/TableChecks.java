package com.performanceos.rules.engine.tables;

import java.util.List;

import com.performanceos.rules.engine.JsonValues;
import com.performanceos.rules.engine.RuleDefinitionException;
import com.performanceos.rules.engine.RuleDefinitionException.Problem;
import com.performanceos.rules.engine.zen.ValueSet;
import com.performanceos.rules.engine.zen.ZenExpression;
import com.performanceos.rules.engine.zen.ZenUnaryTest;

/** Parses and type-checks the cells of one rule, collecting every problem with its row and column. */
final class TableChecks {

	private TableChecks() {
	}

	static ZenUnaryTest[] inputCells(TableDefinition definition, int row, List<Problem> problems) {
		List<TableDefinition.InputColumn> columns = definition.inputs();
		ZenUnaryTest[] tests = new ZenUnaryTest[columns.size()];
		for (int column = 0; column < columns.size(); column++) {
			TableDefinition.InputColumn input = columns.get(column);
			String cell = definition.rules().get(row).inputEntries().get(column);
			String location = "row " + (row + 1) + ", column '" + input.name() + "'";
			try {
				tests[column] = ZenUnaryTest.compile(cell);
			}
			catch (RuleDefinitionException ex) {
				problems.add(new Problem(location, ex.getMessage()));
				continue;
			}
			ValueSet accepted = tests[column].valueSet();
			if (accepted == null) {
				continue;
			}
			for (Object literal : accepted.values()) {
				if (!input.type().accepts(literal)) {
					problems.add(new Problem(location, "`" + cell + "` tests " + JsonValues.write(literal) + " but the column is "
							+ input.type()));
				}
			}
			if (!accepted.intervals().isEmpty() && !input.type().ordered()) {
				problems.add(new Problem(location, "`" + cell + "` is a range but the column is " + input.type()));
			}
		}
		return tests;
	}

	static ZenExpression[] outputCells(TableDefinition definition, int row, List<Problem> problems) {
		List<TableDefinition.OutputColumn> columns = definition.outputs();
		ZenExpression[] outputs = new ZenExpression[columns.size()];
		for (int column = 0; column < columns.size(); column++) {
			TableDefinition.OutputColumn output = columns.get(column);
			String cell = definition.rules().get(row).outputEntries().get(column);
			String location = "row " + (row + 1) + ", output '" + output.name() + "'";
			try {
				outputs[column] = ZenExpression.compile(cell.isBlank() ? "null" : cell);
			}
			catch (RuleDefinitionException ex) {
				problems.add(new Problem(location, ex.getMessage()));
				continue;
			}
			if (!outputs[column].isLiteral() || outputs[column].literalValue() == null) {
				continue;
			}
			Object literal = outputs[column].literalValue();
			if (!output.type().accepts(literal)) {
				problems.add(new Problem(location, "`" + cell + "` is not a " + output.type()));
			}
			else if (!output.values().isEmpty() && output.values().stream().noneMatch((allowed) -> sameValue(allowed, literal))) {
				problems.add(new Problem(location, "`" + cell + "` is not one of the output values " + JsonValues.write(output.values())));
			}
		}
		return outputs;
	}

	static boolean sameValue(Object a, Object b) {
		return JsonValues.write(a).equals(JsonValues.write(b));
	}

}
