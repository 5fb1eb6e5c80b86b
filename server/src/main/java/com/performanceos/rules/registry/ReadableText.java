package com.performanceos.rules.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import com.performanceos.rules.engine.JsonValues;

/**
 * A version as a reader reads it, in English or French: {@code IF product = "X" AND region = "FR" THEN rate = 12}.
 * Written from the stored definition only, so it is as deterministic as the definition itself.
 */
final class ReadableText {

	/** The schema's {@code RuleTextLanguage}. */
	enum Language {

		EN("IF", "AND", "THEN", "ALWAYS", "Row", "Hit policy", "matches", "Expression returning", "over", "Decision graph with",
				"nodes"),
		FR("SI", "ET", "ALORS", "TOUJOURS", "Ligne", "Politique de résultat", "vérifie", "Expression de type", "sur",
				"Graphe de décision à", "nœuds");

		private final String when;

		private final String and;

		private final String then;

		private final String always;

		private final String row;

		private final String hitPolicy;

		private final String matches;

		private final String expression;

		private final String over;

		private final String graph;

		private final String nodes;

		Language(String when, String and, String then, String always, String row, String hitPolicy, String matches,
				String expression, String over, String graph, String nodes) {
			this.when = when;
			this.and = and;
			this.then = then;
			this.always = always;
			this.row = row;
			this.hitPolicy = hitPolicy;
			this.matches = matches;
			this.expression = expression;
			this.over = over;
			this.graph = graph;
			this.nodes = nodes;
		}

	}

	/** A cell that is a plain literal (a number or a quoted string) reads as equality. */
	private static final Pattern LITERAL = Pattern.compile("-?\\d+(\\.\\d+)?|\"[^\"]*\"|'[^']*'|true|false");

	/** A cell that starts with a comparison reads as that comparison on the column. */
	private static final Pattern COMPARISON = Pattern.compile("(<=|>=|<|>|!=|=)\\s*.+");

	private ReadableText() {
	}

	static String render(RuleKind kind, String definitionText, Language language) {
		Object definition = JsonValues.parse(definitionText);
		return switch (kind) {
			case EXPRESSION -> expression((Map<?, ?>) definition, language);
			case DECISION_TABLE -> table((Map<?, ?>) definition, language);
			case DECISION_GRAPH -> graph((Map<?, ?>) definition, language);
			case COMMISSION_PLAN -> (language == Language.FR ? "Plan de commission : " : "Commission plan: ") + definitionText;
		};
	}

	private static String expression(Map<?, ?> definition, Language language) {
		List<String> variables = new ArrayList<>();
		if (definition.get("variables") instanceof Map<?, ?> declared) {
			declared.forEach((name, type) -> variables.add(name + " (" + type + ")"));
		}
		return language.expression + " " + definition.get("resultType") + (variables.isEmpty() ? "" : " " + language.over + " "
				+ String.join(", ", variables)) + (language == Language.FR ? " : " : ": ") + definition.get(RuleCompiler.EXPRESSION);
	}

	private static String table(Map<?, ?> definition, Language language) {
		List<?> inputs = (List<?>) definition.get("inputs");
		List<?> outputs = (List<?>) definition.get("outputs");
		StringBuilder text = new StringBuilder(language.hitPolicy).append(language == Language.FR ? " : " : ": ")
			.append(definition.get("hitPolicy"));
		int number = 0;
		for (Object each : (List<?>) definition.get("rules")) {
			Map<?, ?> rule = (Map<?, ?>) each;
			List<?> inputEntries = (List<?>) rule.get("inputEntries");
			List<?> outputEntries = (List<?>) rule.get("outputEntries");
			List<String> conditions = new ArrayList<>();
			for (int column = 0; column < inputEntries.size(); column++) {
				String cell = String.valueOf(inputEntries.get(column)).strip();
				if (!cell.isEmpty() && !cell.equals("-")) {
					conditions.add(condition(name(inputs.get(column)), cell, language));
				}
			}
			List<String> results = new ArrayList<>();
			for (int column = 0; column < outputEntries.size(); column++) {
				results.add(name(outputs.get(column)) + " = " + outputEntries.get(column));
			}
			text.append('\n').append(language.row).append(' ').append(++number).append(language == Language.FR ? " : " : ": ")
				.append(conditions.isEmpty() ? language.always : language.when + " " + String.join(" " + language.and + " ", conditions))
				.append(' ').append(language.then).append(' ').append(String.join(", ", results));
		}
		return text.toString();
	}

	private static String condition(String column, String cell, Language language) {
		if (LITERAL.matcher(cell).matches()) {
			return column + " = " + cell;
		}
		if (COMPARISON.matcher(cell).matches()) {
			return column + " " + cell;
		}
		return column + " " + language.matches + " " + cell;
	}

	private static String graph(Map<?, ?> definition, Language language) {
		List<?> nodes = definition.get("nodes") instanceof List<?> list ? list : List.of();
		List<String> names = new ArrayList<>();
		for (Object node : nodes) {
			if (node instanceof Map<?, ?> map) {
				names.add(map.get("name") + " (" + map.get("type") + ")");
			}
		}
		return language.graph + " " + nodes.size() + " " + language.nodes + (language == Language.FR ? " : " : ": ")
				+ String.join(", ", names);
	}

	private static String name(@Nullable Object column) {
		return column instanceof Map<?, ?> map ? String.valueOf(map.get("name")) : String.valueOf(column);
	}

}
