package com.performanceos.rules.engine.zen;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.performanceos.rules.engine.RuleDefinitionException;
import com.performanceos.rules.engine.RuleEvaluationException;
import org.jspecify.annotations.Nullable;

/**
 * A compiled unary test: the cell of a decision table's input column, tested against the column's
 * value ({@code $}). The syntax is ZEN's, which is FEEL's unary tests plus expressions:
 * <ul>
 * <li>{@code "FR"}, {@code 12}, {@code true}: equal to the value</li>
 * <li>{@code > 100}, {@code <= 5}, {@code != "X"}: compared with the value</li>
 * <li>{@code [10000..50000)}, {@code (0.5..0.8]}: within the interval (bounds open or closed)</li>
 * <li>{@code "A", "B"}: any of the comma-separated tests</li>
 * <li>{@code not("X", "Y")}: none of them (FEEL's negation)</li>
 * <li>{@code -} or an empty cell: anything</li>
 * <li>any expression that reads {@code $}, such as {@code startsWith($, "85")}: its boolean result</li>
 * </ul>
 */
public final class ZenUnaryTest {

	private interface Item {

		boolean test(Scope scope);

		@Nullable ValueSet valueSet();

	}

	private final String source;

	private final List<Item> items;

	private final boolean negated;

	private ZenUnaryTest(String source, List<Item> items, boolean negated) {
		this.source = source;
		this.items = items;
		this.negated = negated;
	}

	/**
	 * Parses a cell.
	 * @throws RuleDefinitionException with line and column when a test does not parse
	 */
	public static ZenUnaryTest compile(String source) {
		String text = source.strip();
		if (text.isEmpty() || text.equals("-")) {
			return new ZenUnaryTest(source, List.of(), false);
		}
		boolean negated = false;
		if (text.startsWith("not(") && text.endsWith(")") && closingParenthesis(text, 3) == text.length() - 1) {
			negated = true;
			text = text.substring(4, text.length() - 1).strip();
		}
		List<Item> items = new ArrayList<>();
		for (String part : splitTopLevel(text)) {
			items.add(item(part.strip()));
		}
		return new ZenUnaryTest(source, List.copyOf(items), negated);
	}

	public String source() {
		return this.source;
	}

	/** Whether the cell accepts anything ({@code -} or empty). */
	public boolean acceptsAnything() {
		return this.items.isEmpty() && !this.negated;
	}

	/**
	 * Tests a value. A test that fails to evaluate (a type error, say {@code > 5} on a string) does
	 * not match, as in ZEN; a limit (steps, deadline) still stops the evaluation.
	 */
	public boolean test(@Nullable Object value, @Nullable Object environment, @Nullable Map<String, @Nullable Object> nodes,
			EvaluationContext context) {
		if (this.items.isEmpty()) {
			return !this.negated;
		}
		Scope scope = new Scope(environment, value, nodes, context);
		boolean any = false;
		for (Item item : this.items) {
			try {
				if (item.test(scope)) {
					any = true;
					break;
				}
			}
			catch (RuleEvaluationException ex) {
				if (ex.code() != RuleEvaluationException.Code.EVALUATION_ERROR) {
					throw ex;
				}
			}
		}
		return any != this.negated;
	}

	/** What the cell accepts, or null when it depends on an expression that must be evaluated. */
	public @Nullable ValueSet valueSet() {
		if (this.items.isEmpty()) {
			return this.negated ? new ValueSet(false, Set.of(), List.of(), false) : ValueSet.ANY;
		}
		Set<Object> values = new HashSet<>();
		List<ValueSet.Range> intervals = new ArrayList<>();
		for (Item item : this.items) {
			ValueSet set = item.valueSet();
			if (set == null) {
				return null;
			}
			values.addAll(set.values());
			intervals.addAll(set.intervals());
		}
		return new ValueSet(false, Set.copyOf(values), List.copyOf(intervals), this.negated);
	}

	/** The literal values the cell names (strings, numbers, bounds): candidates when hunting for gaps. */
	public List<Object> literals() {
		ValueSet set = valueSet();
		if (set == null) {
			return List.of();
		}
		List<Object> literals = new ArrayList<>(set.values());
		for (ValueSet.Range range : set.intervals()) {
			if (range.low() != null) {
				literals.add(range.low());
			}
			if (range.high() != null) {
				literals.add(range.high());
			}
		}
		return literals;
	}

	@Override
	public String toString() {
		return this.source;
	}

	/** How ZEN reads an expression in a unary test (core/expression/src/parser/unary.rs). */
	private enum Behaviour {
		AS_BOOLEAN, EQUAL, IN
	}

	private static Item item(String text) {
		Ast.Node node = Parser.parseUnary(text);
		if (node instanceof Ast.Binary(String operator, Ast.Identifier(String name), Ast.Node operand) && name.equals("$")
				&& isComparison(operator) && !operand.readsDollar()) {
			return new ExpressionItem(node, comparisonSet(operator, operand));
		}
		return switch (behaviour(node)) {
			case AS_BOOLEAN -> new ExpressionItem(node, null);
			case IN -> new ExpressionItem(new Ast.Binary("in", new Ast.Identifier("$"), node), inSet(node));
			case EQUAL -> new ExpressionItem(new Ast.Binary("==", new Ast.Identifier("$"), node),
					node instanceof Ast.Literal(Object value) && value != null ? new ValueSet(false, Set.of(value), List.of(), false) : null);
		};
	}

	private static boolean isComparison(String operator) {
		return switch (operator) {
			case "<", "<=", ">", ">=", "==", "!=" -> true;
			default -> false;
		};
	}

	private static Behaviour behaviour(Ast.Node node) {
		return switch (node) {
			case Ast.ArrayLiteral ignored -> Behaviour.IN;
			case Ast.IntervalLiteral ignored -> Behaviour.IN;
			case Ast.Unary unary -> behaviour(unary.operand());
			case Ast.Conditional conditional -> same(behaviour(conditional.whenTrue()), behaviour(conditional.whenFalse()));
			case Ast.Binary binary -> switch (binary.operator()) {
				case "+", "-", "*", "/", "%", "^" -> same(behaviour(binary.left()), behaviour(binary.right()));
				case "??" -> Behaviour.EQUAL;
				default -> Behaviour.AS_BOOLEAN;
			};
			case Ast.Call call -> switch (call.name()) {
				case "contains", "startsWith", "endsWith", "isNumeric", "some", "all", "none", "one", "not" -> Behaviour.AS_BOOLEAN;
				case "flatten", "split", "keys", "values", "filter", "map", "flatMap" -> Behaviour.IN;
				default -> Behaviour.EQUAL;
			};
			default -> Behaviour.EQUAL;
		};
	}

	private static Behaviour same(Behaviour a, Behaviour b) {
		return a == b ? a : Behaviour.EQUAL;
	}

	private static @Nullable ValueSet inSet(Ast.Node node) {
		if (node instanceof Ast.IntervalLiteral interval && interval.low() instanceof Ast.Literal(BigDecimal low)
				&& interval.high() instanceof Ast.Literal(BigDecimal high)) {
			return new ValueSet(false, Set.of(), List.of(new ValueSet.Range(low, high, interval.lowClosed(), interval.highClosed())),
					false);
		}
		if (node instanceof Ast.ArrayLiteral array) {
			Set<Object> values = new HashSet<>();
			for (Ast.Node element : array.elements()) {
				if (!(element instanceof Ast.Literal(Object value)) || value == null) {
					return null;
				}
				values.add(value);
			}
			return new ValueSet(false, Set.copyOf(values), List.of(), false);
		}
		return null;
	}

	private static @Nullable ValueSet comparisonSet(String operator, Ast.Node operand) {
		if (!(operand instanceof Ast.Literal(Object literal)) || literal == null) {
			return null;
		}
		if (!(literal instanceof BigDecimal bound)) {
			return switch (operator) {
				case "==" -> new ValueSet(false, Set.of(literal), List.of(), false);
				case "!=" -> new ValueSet(false, Set.of(literal), List.of(), true);
				default -> null;
			};
		}
		ValueSet.Range range = switch (operator) {
			case "<" -> new ValueSet.Range(null, bound, false, false);
			case "<=" -> new ValueSet.Range(null, bound, false, true);
			case ">" -> new ValueSet.Range(bound, null, false, false);
			case ">=" -> new ValueSet.Range(bound, null, true, false);
			case "==" -> new ValueSet.Range(bound, bound, true, true);
			default -> null;
		};
		if (range == null) {
			return new ValueSet(false, Set.of(bound), List.of(), true);
		}
		return new ValueSet(false, Set.of(), List.of(range), false);
	}

	private record ExpressionItem(Ast.Node node, @Nullable ValueSet valueSet) implements Item {

		@Override
		public boolean test(Scope scope) {
			return Values.truthy(this.node.eval(scope));
		}

	}

	private static int closingParenthesis(String text, int open) {
		int depth = 0;
		char quote = 0;
		for (int i = open; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quote != 0) {
				if (c == quote) {
					quote = 0;
				}
			}
			else if (c == '"' || c == '\'' || c == '`') {
				quote = c;
			}
			else if (c == '(') {
				depth++;
			}
			else if (c == ')' && --depth == 0) {
				return i;
			}
		}
		return -1;
	}

	/** Splits at commas outside strings, brackets, parentheses and braces. */
	static List<String> splitTopLevel(String text) {
		List<String> parts = new ArrayList<>();
		int depth = 0;
		char quote = 0;
		int start = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quote != 0) {
				if (c == '\\') {
					i++;
				}
				else if (c == quote) {
					quote = 0;
				}
			}
			else if (c == '"' || c == '\'' || c == '`') {
				quote = c;
			}
			else if (c == '(' || c == '[' || c == '{') {
				depth++;
			}
			else if (c == ')' || c == ']' || c == '}') {
				depth--;
			}
			else if (c == ',' && depth == 0) {
				parts.add(text.substring(start, i));
				start = i + 1;
			}
		}
		parts.add(text.substring(start));
		return parts;
	}

}
