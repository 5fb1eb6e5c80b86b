package com.performanceos.rules.registry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import com.performanceos.rules.engine.JsonValues;
import com.performanceos.rules.engine.RuleDefinitionException;
import com.performanceos.rules.engine.RuleDefinitionException.Problem;
import com.performanceos.rules.engine.expressions.CelExpressions;
import com.performanceos.rules.engine.expressions.VariableType;
import com.performanceos.rules.engine.graphs.JdmGraph;
import com.performanceos.rules.engine.tables.DecisionTable;
import com.performanceos.rules.engine.tables.TableCsv;
import com.performanceos.rules.engine.tables.TableDefinition;

/**
 * Checks a definition when a version is saved (type-checks an expression, parses every table cell, refuses a
 * UNIQUE overlap or a JavaScript node, applies the registry's size limits) and compiles stored versions for
 * evaluation. The stored text is canonical JSON, so two saves of the same definition have the same digest.
 */
@Component
class RuleCompiler {

	/** An expression's definition: {@code {expression, variables: {name: TYPE}, resultType}}. */
	static final String EXPRESSION = "expression";

	private final RulesProperties limits;

	private final Map<RuleKind, DefinitionChecker> checkers = new java.util.EnumMap<>(RuleKind.class);

	RuleCompiler(RulesProperties limits, List<DefinitionChecker> checkers) {
		this.limits = limits;
		for (DefinitionChecker checker : checkers) {
			if (this.checkers.put(checker.kind(), checker) != null) {
				throw new IllegalStateException("Two definition checkers for " + checker.kind());
			}
		}
	}

	/** A saved definition: its canonical text and compiled form, or why it was refused. */
	sealed interface Checked {
	}

	record Accepted(String text, CompiledRule compiled) implements Checked {
	}

	record Refused(RulesErrorCode code, List<Problem> problems) implements Checked {
	}

	/** Checks a definition given as JSON (every kind) or as CSV (a decision table). */
	Checked check(RuleKind kind, @Nullable Object definition, @Nullable String csv) {
		try {
			if (csv != null) {
				if (kind != RuleKind.DECISION_TABLE) {
					return refused(RulesErrorCode.INVALID_DEFINITION, "definitionCsv", "only a DECISION_TABLE is written as CSV");
				}
				if (csv.length() > limits.definitionSizeMax().toBytes()) {
					return tooLarge("definitionCsv", csv.length());
				}
				definition = TableDefinitions.toValue(TableCsv.parse(csv));
			}
			Object value = JsonValues.of(definition);
			String text = JsonValues.write(value);
			if (text.length() > limits.definitionSizeMax().toBytes()) {
				return tooLarge("definition", text.length());
			}
			return switch (kind) {
				case EXPRESSION -> expression(value, text);
				case DECISION_TABLE -> table(value, text);
				case DECISION_GRAPH -> graph(value, text);
				case COMMISSION_PLAN -> delegated(kind, value, text);
			};
		}
		catch (RuleDefinitionException ex) {
			return new Refused(RulesErrorCode.INVALID_DEFINITION, ex.problems());
		}
		catch (IllegalArgumentException ex) {
			return refused(RulesErrorCode.INVALID_DEFINITION, "definition", String.valueOf(ex.getMessage()));
		}
	}

	/** Compiles a stored version's text, which passed {@link #check} when it was saved. */
	CompiledRule compile(RuleKind kind, String text) {
		Checked checked = switch (kind) {
			case EXPRESSION -> expression(JsonValues.parse(text), text);
			case DECISION_TABLE -> table(JsonValues.parse(text), text);
			case DECISION_GRAPH -> graph(JsonValues.parse(text), text);
			case COMMISSION_PLAN -> delegated(kind, JsonValues.parse(text), text);
		};
		if (checked instanceof Accepted accepted) {
			return accepted.compiled();
		}
		throw new IllegalStateException("A stored " + kind + " no longer compiles: " + checked);
	}

	private Checked expression(@Nullable Object value, String text) {
		if (!(value instanceof Map<?, ?> spec) || !(spec.get(EXPRESSION) instanceof String source)) {
			return refused(RulesErrorCode.INVALID_DEFINITION, "definition",
					"an expression is {expression, variables: {name: TYPE}, resultType}");
		}
		if (source.length() > limits.expressionLengthMax()) {
			return refused(RulesErrorCode.LIMIT_EXCEEDED, "expression",
					"longer than " + limits.expressionLengthMax() + " characters (" + source.length() + ")");
		}
		Map<String, VariableType> variables = new LinkedHashMap<>();
		if (spec.get("variables") instanceof Map<?, ?> declared) {
			for (Map.Entry<?, ?> variable : declared.entrySet()) {
				variables.put(String.valueOf(variable.getKey()), variableType(variable.getValue(), "variables." + variable.getKey()));
			}
		}
		else if (spec.get("variables") != null) {
			return refused(RulesErrorCode.INVALID_DEFINITION, "variables", "expected an object of name: TYPE");
		}
		VariableType result = variableType(spec.get("resultType"), "resultType");
		return new Accepted(text, new CompiledRule.Expression(CelExpressions.compile(source, variables, result)));
	}

	private Checked table(@Nullable Object value, String text) {
		TableDefinition definition = TableDefinitions.fromValue(value);
		if (definition.rules().size() > limits.tableRowsMax()) {
			return refused(RulesErrorCode.LIMIT_EXCEEDED, "rules",
					"more than " + limits.tableRowsMax() + " rows (" + definition.rules().size() + ")");
		}
		return new Accepted(text, new CompiledRule.Table(DecisionTable.build(definition)));
	}

	private Checked graph(@Nullable Object value, String text) {
		if (!(value instanceof Map<?, ?> graph) || !(graph.get("nodes") instanceof List<?> nodes)) {
			return refused(RulesErrorCode.INVALID_DEFINITION, "definition", "a decision graph is JDM JSON with nodes and edges");
		}
		if (nodes.size() > limits.graphNodesMax()) {
			return refused(RulesErrorCode.LIMIT_EXCEEDED, "nodes", "more than " + limits.graphNodesMax() + " nodes (" + nodes.size() + ")");
		}
		return new Accepted(text, new CompiledRule.Graph(JdmGraph.parse(text)));
	}

	/** A kind whose owner checks it: the registry stores and governs it, the owner applies it. */
	private Checked delegated(RuleKind kind, @Nullable Object value, String text) {
		DefinitionChecker checker = checkers.get(kind);
		if (checker == null) {
			return refused(RulesErrorCode.INVALID_DEFINITION, "definition", "no module of this server checks a " + kind);
		}
		checker.check(value);
		return new Accepted(text, new CompiledRule.Delegated(kind));
	}

	private static VariableType variableType(@Nullable Object value, String where) {
		if (value instanceof String name) {
			try {
				return VariableType.valueOf(name.toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				// Falls through to the refusal below, which lists the types.
			}
		}
		throw RuleDefinitionException.of(where, "expected one of BOOL, INT, STRING, MONEY, STRING_LIST");
	}

	private Refused tooLarge(String where, int length) {
		return refused(RulesErrorCode.LIMIT_EXCEEDED, where,
				"larger than " + limits.definitionSizeMax().toBytes() + " characters (" + length + ")");
	}

	private static Refused refused(RulesErrorCode code, String location, String message) {
		return new Refused(code, List.of(new Problem(location, message)));
	}

}
