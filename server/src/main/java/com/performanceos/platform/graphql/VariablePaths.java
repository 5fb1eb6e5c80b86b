package com.performanceos.platform.graphql;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Names the nested input field behind a variable graphql-java refused. Its coercion error names the
 * variable only ({@code Variable 'input' has an invalid value: Date is not a calendar date ...
 * "2026-02-30"}), although the scalar refused one value deep inside it; the value is quoted in the
 * message, so the path is found by looking for the string leaf of the variable that the message
 * quotes (the longest, should several match).
 */
final class VariablePaths {

	private static final Pattern VARIABLE_ERROR = Pattern.compile("^Variable '([A-Za-z_][A-Za-z0-9_]*)' has an invalid value: (.*)$",
			Pattern.DOTALL);

	/** Leaves shorter than this are too common to identify a value ("1", "EUR"). */
	private static final int LEAF_LENGTH_MIN = 4;

	/** Bounds the walk over hostile variables: a path is a courtesy, not worth unbounded work. */
	private static final int LEAVES_MAX = 10_000;

	private VariablePaths() {
	}

	/** {@code input.lines[2].date} for a refusal of that leaf, or null when the message is not one or no leaf matches. */
	static @Nullable String locate(@Nullable String message, Map<String, Object> variables) {
		if (message == null) {
			return null;
		}
		Matcher matcher = VARIABLE_ERROR.matcher(message);
		if (!matcher.matches() || !variables.containsKey(matcher.group(1))) {
			return null;
		}
		Search search = new Search(matcher.group(2));
		search.walk(matcher.group(1), variables.get(matcher.group(1)));
		return search.path;
	}

	private static final class Search {

		private final String reason;

		private @Nullable String path;

		private int longest;

		private int leaves;

		Search(String reason) {
			this.reason = reason;
		}

		void walk(String at, @Nullable Object value) {
			if (++leaves > LEAVES_MAX) {
				return;
			}
			if (value instanceof Map<?, ?> object) {
				for (Map.Entry<?, ?> entry : object.entrySet()) {
					walk(at + "." + entry.getKey(), entry.getValue());
				}
			}
			else if (value instanceof List<?> items) {
				for (int i = 0; i < items.size(); i++) {
					walk(at + "[" + i + "]", items.get(i));
				}
			}
			else if (value instanceof String text && text.length() >= LEAF_LENGTH_MIN && text.length() > longest
					&& reason.contains(text)) {
				path = at;
				longest = text.length();
			}
		}

	}

}
