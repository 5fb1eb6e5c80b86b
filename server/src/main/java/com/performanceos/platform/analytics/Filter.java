package com.performanceos.platform.analytics;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A condition on one dimension of a cube. Values are typed Java objects rendered by the dialect as escaped
 * literals; they never become SQL text by concatenation.
 *
 * @param dimension the dimension name declared by the cube
 * @param operator the comparison
 * @param values one value, or 1 to {@link #MAX_VALUES} for {@link Operator#IN}
 */
public record Filter(String dimension, Operator operator, List<Object> values) {

	/** Bounds the SQL text an IN list produces. */
	public static final int MAX_VALUES = 1_000;

	/** Longest string value accepted: longer strings are never analytic dimension values. */
	public static final int MAX_STRING_LENGTH = 1_000;

	public Filter {
		values = List.copyOf(values);
		if (operator == Operator.IN ? (values.isEmpty() || values.size() > MAX_VALUES) : values.size() != 1) {
			throw new IllegalArgumentException("Filter on '" + dimension + "' with " + operator + " takes "
					+ ((operator == Operator.IN) ? "1 to " + MAX_VALUES + " values" : "exactly one value") + ", got "
					+ values.size());
		}
		for (Object value : values) {
			if (!(value instanceof String || value instanceof BigDecimal || value instanceof Long
					|| value instanceof LocalDate || value instanceof Instant)) {
				throw new IllegalArgumentException("Filter value of type " + value.getClass().getSimpleName()
						+ " is not one of String, BigDecimal, Long, LocalDate, Instant");
			}
			if (value instanceof String string && string.length() > MAX_STRING_LENGTH) {
				throw new IllegalArgumentException("Filter value longer than " + MAX_STRING_LENGTH + " characters");
			}
		}
	}

	/** A filter with a single value. */
	public static Filter of(String dimension, Operator operator, Object value) {
		return new Filter(dimension, operator, List.of(value));
	}

	/** Comparison operators, rendered identically by both dialects. */
	public enum Operator {

		EQ("="), NEQ("<>"), IN("IN"), GT(">"), GTE(">="), LT("<"), LTE("<=");

		private final String sql;

		Operator(String sql) {
			this.sql = sql;
		}

		String sql() {
			return this.sql;
		}

	}

}
