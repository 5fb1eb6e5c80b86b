package com.performanceos.rules.engine.zen;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.performanceos.rules.engine.JsonValues;
import org.jspecify.annotations.Nullable;

/** Equality, ordering, truth and text of engine values, as ZEN defines them. */
final class Values {

	private Values() {
	}

	static boolean truthy(@Nullable Object value) {
		return Boolean.TRUE.equals(value);
	}

	static boolean equal(@Nullable Object left, @Nullable Object right) {
		if (left instanceof BigDecimal a && right instanceof BigDecimal b) {
			return a.compareTo(b) == 0;
		}
		if (left instanceof List<?> a && right instanceof List<?> b) {
			if (a.size() != b.size()) {
				return false;
			}
			for (int i = 0; i < a.size(); i++) {
				if (!equal(a.get(i), b.get(i))) {
					return false;
				}
			}
			return true;
		}
		if (left instanceof Map<?, ?> a && right instanceof Map<?, ?> b) {
			if (a.size() != b.size()) {
				return false;
			}
			for (Map.Entry<?, ?> entry : a.entrySet()) {
				if (!b.containsKey(entry.getKey()) || !equal(entry.getValue(), b.get(entry.getKey()))) {
					return false;
				}
			}
			return true;
		}
		return left == null ? right == null : left.equals(right);
	}

	/** Compares two numbers or two strings; anything else is not ordered (null answer). */
	static @Nullable Integer compare(@Nullable Object left, @Nullable Object right) {
		if (left instanceof BigDecimal a && right instanceof BigDecimal b) {
			return a.compareTo(b);
		}
		if (left instanceof String a && right instanceof String b) {
			return a.compareTo(b);
		}
		return null;
	}

	static String text(@Nullable Object value) {
		return switch (value) {
			case null -> "null";
			case String string -> string;
			case BigDecimal decimal -> JsonValues.normalize(decimal).toPlainString();
			case Boolean bool -> bool.toString();
			default -> JsonValues.write(value);
		};
	}

	static String typeName(@Nullable Object value) {
		return switch (value) {
			case null -> "null";
			case String ignored -> "string";
			case BigDecimal ignored -> "number";
			case Boolean ignored -> "bool";
			case List<?> ignored -> "array";
			default -> "object";
		};
	}

	static BigDecimal number(@Nullable Object value, String operation) {
		if (value instanceof BigDecimal decimal) {
			return decimal;
		}
		throw Scope.error(operation + " expects a number, got " + typeName(value));
	}

}
