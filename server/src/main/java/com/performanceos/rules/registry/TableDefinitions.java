package com.performanceos.rules.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.performanceos.rules.engine.RuleDefinitionException;
import com.performanceos.rules.engine.tables.ColumnType;
import com.performanceos.rules.engine.tables.HitPolicy;
import com.performanceos.rules.engine.tables.TableDefinition;

/**
 * A decision table as the registry stores it (JSON-shaped engine values) and back. The shape:
 * {@code {name, hitPolicy, inputs: [{name, expression, type}], outputs: [{name, type, values}],
 * rules: [{inputEntries, outputEntries, description}]}}.
 */
final class TableDefinitions {

	private TableDefinitions() {
	}

	static Map<String, @Nullable Object> toValue(TableDefinition table) {
		Map<String, @Nullable Object> value = new LinkedHashMap<>();
		value.put("name", table.name());
		value.put("hitPolicy", table.hitPolicy().name());
		value.put("inputs", table.inputs().stream().map(input -> Map.<String, @Nullable Object>of("name", input.name(),
				"expression", input.expression(), "type", input.type().name())).toList());
		value.put("outputs", table.outputs().stream().map(output -> Map.<String, @Nullable Object>of("name", output.name(),
				"type", output.type().name(), "values", output.values())).toList());
		value.put("rules", table.rules().stream().map(rule -> {
			Map<String, @Nullable Object> row = new LinkedHashMap<>();
			row.put("inputEntries", rule.inputEntries());
			row.put("outputEntries", rule.outputEntries());
			row.put("description", rule.description());
			return row;
		}).toList());
		return value;
	}

	/** @throws RuleDefinitionException naming the member that is missing or of the wrong shape */
	static TableDefinition fromValue(@Nullable Object value) {
		Map<?, ?> table = map(value, "definition");
		HitPolicy policy;
		try {
			policy = HitPolicy.fromSymbol(text(table.get("hitPolicy"), "hitPolicy"));
		}
		catch (IllegalArgumentException ex) {
			throw RuleDefinitionException.of("hitPolicy", String.valueOf(ex.getMessage()));
		}
		List<TableDefinition.InputColumn> inputs = new ArrayList<>();
		for (Object input : list(table.get("inputs"), "inputs")) {
			Map<?, ?> column = map(input, "inputs");
			inputs.add(new TableDefinition.InputColumn(text(column.get("name"), "inputs.name"),
					text(column.get("expression"), "inputs.expression"), type(column.get("type"), "inputs.type")));
		}
		List<TableDefinition.OutputColumn> outputs = new ArrayList<>();
		for (Object output : list(table.get("outputs"), "outputs")) {
			Map<?, ?> column = map(output, "outputs");
			Object values = column.get("values");
			outputs.add(new TableDefinition.OutputColumn(text(column.get("name"), "outputs.name"),
					type(column.get("type"), "outputs.type"), values == null ? List.of() : nonNull(list(values, "outputs.values"))));
		}
		List<TableDefinition.Rule> rules = new ArrayList<>();
		int row = 0;
		for (Object entry : list(table.get("rules"), "rules")) {
			row++;
			Map<?, ?> rule = map(entry, "rules[" + row + "]");
			Object description = rule.get("description");
			rules.add(new TableDefinition.Rule(texts(rule.get("inputEntries"), "rules[" + row + "].inputEntries"),
					texts(rule.get("outputEntries"), "rules[" + row + "].outputEntries"),
					description == null ? null : text(description, "rules[" + row + "].description")));
		}
		Object name = table.get("name");
		return new TableDefinition(name == null ? "table" : text(name, "name"), policy, inputs, outputs, rules);
	}

	private static Map<?, ?> map(@Nullable Object value, String where) {
		if (value instanceof Map<?, ?> map) {
			return map;
		}
		throw RuleDefinitionException.of(where, "expected an object");
	}

	private static List<?> list(@Nullable Object value, String where) {
		if (value instanceof List<?> list) {
			return list;
		}
		throw RuleDefinitionException.of(where, "expected a list");
	}

	private static String text(@Nullable Object value, String where) {
		if (value instanceof String text) {
			return text;
		}
		throw RuleDefinitionException.of(where, "expected a string");
	}

	private static List<String> texts(@Nullable Object value, String where) {
		return list(value, where).stream().map(element -> text(element, where)).toList();
	}

	private static List<Object> nonNull(List<?> values) {
		return values.stream().map(value -> (Object) java.util.Objects.requireNonNull(value, "output value")).toList();
	}

	private static ColumnType type(@Nullable Object value, String where) {
		String name = text(value, where);
		try {
			return ColumnType.valueOf(name.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw RuleDefinitionException.of(where, "unknown column type '" + name + "' (NUMBER, STRING, BOOLEAN, DATE, ANY)");
		}
	}

}
