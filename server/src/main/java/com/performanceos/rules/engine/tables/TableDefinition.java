package com.performanceos.rules.engine.tables;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A decision table as authored: what the registry stores and CSV carries. {@link DecisionTable#build}
 * checks and compiles it.
 *
 * @param name the table's name
 * @param hitPolicy how matching rules become the result
 * @param inputs the input columns, left to right
 * @param outputs the output columns, left to right
 * @param rules the rows, in rule order
 */
public record TableDefinition(String name, HitPolicy hitPolicy, List<InputColumn> inputs, List<OutputColumn> outputs,
		List<Rule> rules) {

	/** Tables larger than this are refused: bounds build time, overlap analysis and evaluation. */
	public static final int RULES_MAX = 10_000;

	public static final int COLUMNS_MAX = 64;

	public TableDefinition {
		inputs = List.copyOf(inputs);
		outputs = List.copyOf(outputs);
		rules = List.copyOf(rules);
	}

	/**
	 * @param name the column heading
	 * @param expression a ZEN expression over the table's input giving the value the cells test
	 * (usually a field path such as {@code deal.region})
	 * @param type the value's type
	 */
	public record InputColumn(String name, String expression, ColumnType type) {
	}

	/**
	 * @param name the output's name (the key in the result when there are several outputs)
	 * @param type the output's type
	 * @param values the allowed values in decreasing priority (DMN output values); required by
	 * PRIORITY and OUTPUT ORDER, checked against literal cells when present
	 */
	public record OutputColumn(String name, ColumnType type, List<Object> values) {

		public OutputColumn {
			values = List.copyOf(values);
		}

	}

	/**
	 * @param inputEntries one unary test per input column ({@code -} for any)
	 * @param outputEntries one expression per output column (usually a literal)
	 * @param description optional annotation
	 */
	public record Rule(List<String> inputEntries, List<String> outputEntries, @Nullable String description) {

		public Rule {
			inputEntries = List.copyOf(inputEntries);
			outputEntries = List.copyOf(outputEntries);
		}

	}

}
