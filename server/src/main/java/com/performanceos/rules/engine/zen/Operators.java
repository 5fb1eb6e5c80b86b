package com.performanceos.rules.engine.zen;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.performanceos.rules.engine.JsonValues;
import org.jspecify.annotations.Nullable;

/** The binary operators of ZEN over exact decimals, strings, arrays and intervals. */
final class Operators {

	private Operators() {
	}

	static @Nullable Object apply(String operator, @Nullable Object left, @Nullable Object right) {
		return switch (operator) {
			case "==" -> Values.equal(left, right);
			case "!=" -> !Values.equal(left, right);
			case "<", "<=", ">", ">=" -> compare(operator, left, right);
			case "in" -> in(left, right);
			case "not in" -> !in(left, right);
			case "+" -> plus(left, right);
			case "-" -> Values.number(left, "-").subtract(Values.number(right, "-"));
			case "*" -> JsonValues.normalize(Values.number(left, "*").multiply(Values.number(right, "*")));
			case "/" -> divide(Values.number(left, "/"), Values.number(right, "/"));
			case "%" -> {
				BigDecimal divisor = Values.number(right, "%");
				if (divisor.signum() == 0) {
					throw Scope.error("modulo by zero");
				}
				yield Values.number(left, "%").remainder(divisor);
			}
			case "^" -> power(Values.number(left, "^"), Values.number(right, "^"));
			default -> throw Scope.error("unknown operator " + operator);
		};
	}

	static BigDecimal divide(BigDecimal dividend, BigDecimal divisor) {
		if (divisor.signum() == 0) {
			throw Scope.error("division by zero");
		}
		return JsonValues.normalize(dividend.divide(divisor, Ast.DIVISION));
	}

	private static BigDecimal power(BigDecimal base, BigDecimal exponent) {
		if (exponent.stripTrailingZeros().scale() <= 0 && exponent.abs().compareTo(BigDecimal.valueOf(999)) <= 0) {
			int times = exponent.intValueExact();
			return times >= 0 ? base.pow(times) : divide(BigDecimal.ONE, base.pow(-times));
		}
		// StrictMath gives the same bits on every JVM, so even fractional powers stay deterministic.
		return JsonValues.normalize(new BigDecimal(Double.toString(StrictMath.pow(base.doubleValue(), exponent.doubleValue()))));
	}

	private static Object plus(@Nullable Object left, @Nullable Object right) {
		if (left instanceof BigDecimal a && right instanceof BigDecimal b) {
			return a.add(b);
		}
		if (left instanceof String || right instanceof String) {
			return Values.text(left) + Values.text(right);
		}
		throw Scope.error("+ expects numbers or strings, got " + Values.typeName(left) + " and " + Values.typeName(right));
	}

	private static boolean compare(String operator, @Nullable Object left, @Nullable Object right) {
		Integer order = Values.compare(left, right);
		if (order == null) {
			return false;
		}
		return switch (operator) {
			case "<" -> order < 0;
			case "<=" -> order <= 0;
			case ">" -> order > 0;
			default -> order >= 0;
		};
	}

	static boolean in(@Nullable Object needle, @Nullable Object haystack) {
		return switch (haystack) {
			case Ast.Interval interval -> interval.contains(needle);
			case List<?> list -> list.stream().anyMatch((element) -> Values.equal(needle, element));
			case Map<?, ?> map -> needle instanceof String key && map.containsKey(key);
			case String string -> needle instanceof String part && string.contains(part);
			case null, default -> false;
		};
	}

}
