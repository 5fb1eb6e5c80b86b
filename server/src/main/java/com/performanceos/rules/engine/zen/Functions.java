package com.performanceos.rules.engine.zen;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.performanceos.rules.engine.JsonValues;
import com.performanceos.rules.engine.zen.Ast.Node;
import org.jspecify.annotations.Nullable;

/**
 * ZEN's built-in functions. Nothing here reads the clock, the locale, a file or the network:
 * {@code date('now')} answers the evaluation context's clock, and {@code rand} is deliberately
 * absent (an expression calling it is refused when compiled).
 */
final class Functions {

	private static final Set<String> CLOSURES = Set.of("some", "all", "none", "one", "filter", "map", "count", "flatMap");

	private static final Map<String, int[]> ARITY = Map.ofEntries(Map.entry("len", new int[] { 1, 1 }),
			Map.entry("upper", new int[] { 1, 1 }), Map.entry("lower", new int[] { 1, 1 }),
			Map.entry("trim", new int[] { 1, 1 }), Map.entry("startsWith", new int[] { 2, 2 }),
			Map.entry("endsWith", new int[] { 2, 2 }), Map.entry("contains", new int[] { 2, 2 }),
			Map.entry("split", new int[] { 2, 2 }), Map.entry("string", new int[] { 1, 1 }),
			Map.entry("number", new int[] { 1, 1 }), Map.entry("bool", new int[] { 1, 1 }),
			Map.entry("isNumeric", new int[] { 1, 1 }), Map.entry("abs", new int[] { 1, 1 }),
			Map.entry("floor", new int[] { 1, 1 }), Map.entry("ceil", new int[] { 1, 1 }),
			Map.entry("round", new int[] { 1, 2 }), Map.entry("trunc", new int[] { 1, 2 }),
			Map.entry("sum", new int[] { 1, 1 }), Map.entry("avg", new int[] { 1, 1 }),
			Map.entry("min", new int[] { 1, 1 }), Map.entry("max", new int[] { 1, 1 }),
			Map.entry("keys", new int[] { 1, 1 }), Map.entry("values", new int[] { 1, 1 }),
			Map.entry("type", new int[] { 1, 1 }), Map.entry("flatten", new int[] { 1, 1 }),
			Map.entry("not", new int[] { 1, 1 }), Map.entry("date", new int[] { 1, 1 }),
			Map.entry("time", new int[] { 1, 1 }), Map.entry("dayOfWeek", new int[] { 1, 1 }),
			Map.entry("dayOfMonth", new int[] { 1, 1 }), Map.entry("dayOfYear", new int[] { 1, 1 }),
			Map.entry("weekOfYear", new int[] { 1, 1 }), Map.entry("monthOfYear", new int[] { 1, 1 }),
			Map.entry("year", new int[] { 1, 1 }));

	private Functions() {
	}

	static boolean exists(String name, int arguments) {
		if (CLOSURES.contains(name)) {
			return arguments == 2;
		}
		int[] arity = ARITY.get(name);
		return arity != null && arguments >= arity[0] && arguments <= arity[1];
	}

	static @Nullable Object call(String name, List<Node> arguments, Scope scope) {
		if (CLOSURES.contains(name)) {
			return closure(name, list(arguments.get(0).eval(scope), name), arguments.get(1), scope);
		}
		Object first = arguments.get(0).eval(scope);
		Object second = arguments.size() > 1 ? arguments.get(1).eval(scope) : null;
		return switch (name) {
			case "len" -> switch (first) {
				case String string -> BigDecimal.valueOf(string.length());
				case List<?> list -> BigDecimal.valueOf(list.size());
				case Map<?, ?> map -> BigDecimal.valueOf(map.size());
				case null, default -> throw Scope.error("len expects a string or an array, got " + Values.typeName(first));
			};
			case "upper" -> string(first, name).toUpperCase(Locale.ROOT);
			case "lower" -> string(first, name).toLowerCase(Locale.ROOT);
			case "trim" -> string(first, name).strip();
			case "startsWith" -> string(first, name).startsWith(string(second, name));
			case "endsWith" -> string(first, name).endsWith(string(second, name));
			case "contains" -> contains(first, second);
			case "split" -> List.<@Nullable Object>copyOf(List.of(string(first, name).split(java.util.regex.Pattern.quote(string(second, name)), -1)));
			case "string" -> Values.text(first);
			case "number" -> toNumber(first);
			case "bool" -> first instanceof String text ? Boolean.valueOf(text.equals("true")) : Values.truthy(first);
			case "isNumeric" -> first instanceof BigDecimal || (first instanceof String text && isNumeric(text));
			case "abs" -> Values.number(first, name).abs();
			case "floor" -> Values.number(first, name).setScale(0, RoundingMode.FLOOR);
			case "ceil" -> Values.number(first, name).setScale(0, RoundingMode.CEILING);
			case "round" -> JsonValues.normalize(Values.number(first, name).setScale(places(second), RoundingMode.HALF_UP));
			case "trunc" -> JsonValues.normalize(Values.number(first, name).setScale(places(second), RoundingMode.DOWN));
			case "sum" -> numbers(first, name).stream().reduce(BigDecimal.ZERO, BigDecimal::add);
			case "avg" -> average(numbers(first, name));
			case "min" -> numbers(first, name).stream().min(BigDecimal::compareTo).orElseThrow(() -> Scope.error("min of an empty array"));
			case "max" -> numbers(first, name).stream().max(BigDecimal::compareTo).orElseThrow(() -> Scope.error("max of an empty array"));
			case "keys" -> first instanceof Map<?, ?> map ? new ArrayList<@Nullable Object>(map.keySet())
					: first instanceof List<?> list ? indices(list.size()) : List.of();
			case "values" -> first instanceof Map<?, ?> map ? new ArrayList<@Nullable Object>(map.values()) : List.of();
			case "type" -> Values.typeName(first);
			case "flatten" -> flatten(list(first, name));
			case "not" -> !Values.truthy(first);
			default -> Dates.call(name, first, scope.context);
		};
	}

	private static @Nullable Object closure(String name, List<?> elements, Node body, Scope scope) {
		Object saved = scope.hash;
		try {
			List<@Nullable Object> results = new ArrayList<>();
			int matches = 0;
			for (Object element : elements) {
				scope.step();
				scope.hash = element;
				Object value = body.eval(scope);
				switch (name) {
					case "map" -> results.add(value);
					case "flatMap" -> {
						if (value instanceof List<?> list) {
							results.addAll(list);
						}
						else {
							results.add(value);
						}
					}
					case "filter" -> {
						if (Values.truthy(value)) {
							results.add(element);
						}
					}
					default -> {
						if (Values.truthy(value)) {
							matches++;
						}
						if (name.equals("some") && matches > 0) {
							return true;
						}
						if (name.equals("all") && matches == 0) {
							return false;
						}
						if (name.equals("all")) {
							matches = 0;
						}
					}
				}
			}
			return switch (name) {
				case "map", "flatMap", "filter" -> results;
				case "some" -> false;
				case "all" -> true;
				case "none" -> matches == 0;
				case "one" -> matches == 1;
				default -> BigDecimal.valueOf(matches);
			};
		}
		finally {
			scope.hash = saved;
		}
	}

	private static boolean contains(@Nullable Object container, @Nullable Object element) {
		if (container instanceof String string && element instanceof String part) {
			return string.contains(part);
		}
		if (container instanceof List<?> list) {
			return list.stream().anyMatch((item) -> Values.equal(item, element));
		}
		return false;
	}

	private static String string(@Nullable Object value, String function) {
		if (value instanceof String string) {
			return string;
		}
		throw Scope.error(function + " expects a string, got " + Values.typeName(value));
	}

	private static List<?> list(@Nullable Object value, String function) {
		if (value instanceof List<?> list) {
			return list;
		}
		throw Scope.error(function + " expects an array, got " + Values.typeName(value));
	}

	private static List<BigDecimal> numbers(@Nullable Object value, String function) {
		List<BigDecimal> numbers = new ArrayList<>();
		for (Object element : list(value, function)) {
			numbers.add(Values.number(element, function));
		}
		return numbers;
	}

	private static BigDecimal average(List<BigDecimal> numbers) {
		if (numbers.isEmpty()) {
			throw Scope.error("avg of an empty array");
		}
		BigDecimal total = numbers.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
		return Operators.divide(total, BigDecimal.valueOf(numbers.size()));
	}

	private static int places(@Nullable Object value) {
		if (value == null) {
			return 0;
		}
		int places = Values.number(value, "round").intValue();
		if (places < 0 || places > 28) {
			throw Scope.error("decimal places must be between 0 and 28");
		}
		return places;
	}

	private static List<@Nullable Object> indices(int size) {
		List<@Nullable Object> indices = new ArrayList<>(size);
		for (int i = 0; i < size; i++) {
			indices.add(BigDecimal.valueOf(i));
		}
		return indices;
	}

	private static List<@Nullable Object> flatten(List<?> list) {
		List<@Nullable Object> flat = new ArrayList<>();
		for (Object element : list) {
			if (element instanceof List<?> inner) {
				flat.addAll(inner);
			}
			else {
				flat.add(element);
			}
		}
		return flat;
	}

	private static boolean isNumeric(String text) {
		try {
			new BigDecimal(text.strip());
			return true;
		}
		catch (NumberFormatException ex) {
			return false;
		}
	}

	private static BigDecimal toNumber(@Nullable Object value) {
		return switch (value) {
			case BigDecimal decimal -> decimal;
			case Boolean bool -> bool ? BigDecimal.ONE : BigDecimal.ZERO;
			case String text -> {
				try {
					yield JsonValues.normalize(new BigDecimal(text.strip()));
				}
				catch (NumberFormatException ex) {
					throw Scope.error("not a number: '" + text + "'");
				}
			}
			case null, default -> throw Scope.error("number expects a string or a number, got " + Values.typeName(value));
		};
	}

}
