package com.performanceos.rules.engine.zen;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** The syntax tree of a ZEN expression; each node evaluates itself against a {@link Scope}. */
final class Ast {

	/** Division keeps 34 significant digits (IEEE decimal128), enough for money and ratios. */
	static final MathContext DIVISION = MathContext.DECIMAL128;

	private Ast() {
	}

	interface Node {

		@Nullable Object eval(Scope scope);

		/** Whether the node reads {@code $} outside a closure argument (decides unary-test meaning). */
		default boolean readsDollar() {
			return false;
		}

	}

	record Literal(@Nullable Object value) implements Node {

		@Override
		public @Nullable Object eval(Scope scope) {
			return this.value;
		}

	}

	/** A root identifier: a field of the input, {@code $}, {@code #} or {@code $nodes}. */
	record Identifier(String name) implements Node {

		@Override
		public @Nullable Object eval(Scope scope) {
			scope.step();
			return switch (this.name) {
				case "$" -> scope.dollar;
				case "#" -> scope.hash;
				case "$nodes" -> scope.nodes;
				default -> scope.environment instanceof Map<?, ?> map ? map.get(this.name) : null;
			};
		}

		@Override
		public boolean readsDollar() {
			return this.name.equals("$");
		}

	}

	record Member(Node target, Node key) implements Node {

		@Override
		public @Nullable Object eval(Scope scope) {
			scope.step();
			Object container = this.target.eval(scope);
			Object index = this.key.eval(scope);
			if (container instanceof Map<?, ?> map && index instanceof String name) {
				return map.get(name);
			}
			if (container instanceof List<?> list && index instanceof BigDecimal number) {
				int position = number.intValue();
				if (position < 0) {
					position += list.size();
				}
				return position >= 0 && position < list.size() ? list.get(position) : null;
			}
			if (container instanceof String string && index instanceof BigDecimal number) {
				int position = number.intValue();
				return position >= 0 && position < string.length() ? String.valueOf(string.charAt(position)) : null;
			}
			return null;
		}

		@Override
		public boolean readsDollar() {
			return this.target.readsDollar() || this.key.readsDollar();
		}

	}

	record ArrayLiteral(List<Node> elements) implements Node {

		@Override
		public @Nullable Object eval(Scope scope) {
			List<@Nullable Object> values = new ArrayList<>(this.elements.size());
			for (Node element : this.elements) {
				values.add(element.eval(scope));
			}
			return values;
		}

		@Override
		public boolean readsDollar() {
			return this.elements.stream().anyMatch(Node::readsDollar);
		}

	}

	record ObjectLiteral(List<Node> keys, List<Node> values) implements Node {

		@Override
		public @Nullable Object eval(Scope scope) {
			Map<String, @Nullable Object> map = new LinkedHashMap<>();
			for (int i = 0; i < this.keys.size(); i++) {
				map.put(Values.text(this.keys.get(i).eval(scope)), this.values.get(i).eval(scope));
			}
			return map;
		}

		@Override
		public boolean readsDollar() {
			return this.values.stream().anyMatch(Node::readsDollar) || this.keys.stream().anyMatch(Node::readsDollar);
		}

	}

	record Template(List<Node> parts) implements Node {

		@Override
		public @Nullable Object eval(Scope scope) {
			StringBuilder text = new StringBuilder();
			for (Node part : this.parts) {
				text.append(Values.text(part.eval(scope)));
			}
			return text.toString();
		}

		@Override
		public boolean readsDollar() {
			return this.parts.stream().anyMatch(Node::readsDollar);
		}

	}

	/** A closed, open or half-open interval; only meaningful on the right of {@code in}. */
	record IntervalLiteral(Node low, Node high, boolean lowClosed, boolean highClosed) implements Node {

		@Override
		public @Nullable Object eval(Scope scope) {
			return new Interval(this.low.eval(scope), this.high.eval(scope), this.lowClosed, this.highClosed);
		}

		@Override
		public boolean readsDollar() {
			return this.low.readsDollar() || this.high.readsDollar();
		}

	}

	record Interval(@Nullable Object low, @Nullable Object high, boolean lowClosed, boolean highClosed) {

		boolean contains(@Nullable Object value) {
			Integer fromLow = Values.compare(value, this.low);
			Integer toHigh = Values.compare(value, this.high);
			if (fromLow == null || toHigh == null) {
				return false;
			}
			return (this.lowClosed ? fromLow >= 0 : fromLow > 0) && (this.highClosed ? toHigh <= 0 : toHigh < 0);
		}

	}

	record Unary(String operator, Node operand) implements Node {

		@Override
		public @Nullable Object eval(Scope scope) {
			scope.step();
			Object value = this.operand.eval(scope);
			return switch (this.operator) {
				case "-" -> Values.number(value, "negation").negate();
				case "+" -> Values.number(value, "unary plus");
				default -> !Values.truthy(value);
			};
		}

		@Override
		public boolean readsDollar() {
			return this.operand.readsDollar();
		}

	}

	record Conditional(Node condition, Node whenTrue, Node whenFalse) implements Node {

		@Override
		public @Nullable Object eval(Scope scope) {
			scope.step();
			return Values.truthy(this.condition.eval(scope)) ? this.whenTrue.eval(scope) : this.whenFalse.eval(scope);
		}

		@Override
		public boolean readsDollar() {
			return this.condition.readsDollar() || this.whenTrue.readsDollar() || this.whenFalse.readsDollar();
		}

	}

	record Binary(String operator, Node left, Node right) implements Node {

		@Override
		public @Nullable Object eval(Scope scope) {
			scope.step();
			switch (this.operator) {
				case "and", "&&" -> {
					return Values.truthy(this.left.eval(scope)) && Values.truthy(this.right.eval(scope));
				}
				case "or", "||" -> {
					return Values.truthy(this.left.eval(scope)) || Values.truthy(this.right.eval(scope));
				}
				case "??" -> {
					Object value = this.left.eval(scope);
					return value != null ? value : this.right.eval(scope);
				}
				default -> {
					return Operators.apply(this.operator, this.left.eval(scope), this.right.eval(scope));
				}
			}
		}

		@Override
		public boolean readsDollar() {
			return this.left.readsDollar() || this.right.readsDollar();
		}

	}

	record Call(String name, List<Node> arguments) implements Node {

		@Override
		public @Nullable Object eval(Scope scope) {
			scope.step();
			return Functions.call(this.name, this.arguments, scope);
		}

		@Override
		public boolean readsDollar() {
			// The closure argument of some/map/filter reads '#', and '$' inside it is still the reference.
			return this.arguments.stream().anyMatch(Node::readsDollar);
		}

	}

}
