package com.performanceos.rules.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The engine's values are plain JSON shapes: {@code null}, {@link Boolean}, {@link BigDecimal},
 * {@link String}, {@link List} and {@link Map} with string keys. Numbers are always exact
 * decimals, never doubles, so arithmetic and output are the same on every machine.
 *
 * <p>{@link #write} is the canonical form: object keys sorted, numbers in plain notation without
 * trailing zeros, no whitespace. Two equal values always give byte-identical text, which is what
 * the determinism guarantee is checked against.
 */
public final class JsonValues {

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
		.build();

	private JsonValues() {
	}

	/** Parses JSON text into engine values. */
	public static @Nullable Object parse(String json) {
		return fromNode(MAPPER.readTree(json));
	}

	/** Converts a Jackson tree into engine values. */
	public static @Nullable Object fromNode(JsonNode node) {
		if (node.isNull() || node.isMissingNode()) {
			return null;
		}
		if (node.isBoolean()) {
			return node.booleanValue();
		}
		if (node.isNumber()) {
			return normalize(node.decimalValue());
		}
		if (node.isString()) {
			return node.stringValue();
		}
		if (node.isArray()) {
			List<@Nullable Object> list = new ArrayList<>(node.size());
			node.forEach((element) -> list.add(fromNode(element)));
			return list;
		}
		Map<String, @Nullable Object> map = new LinkedHashMap<>();
		node.properties().forEach((entry) -> map.put(entry.getKey(), fromNode(entry.getValue())));
		return map;
	}

	/** Converts a Java value (numbers of any boxed type included) into engine values. */
	public static @Nullable Object of(@Nullable Object value) {
		if (value == null || value instanceof Boolean || value instanceof String) {
			return value;
		}
		if (value instanceof BigDecimal decimal) {
			return normalize(decimal);
		}
		if (value instanceof Double || value instanceof Float) {
			return normalize(new BigDecimal(value.toString()));
		}
		if (value instanceof Number number) {
			return normalize(new BigDecimal(number.toString()));
		}
		if (value instanceof List<?> list) {
			List<@Nullable Object> copy = new ArrayList<>(list.size());
			list.forEach((element) -> copy.add(of(element)));
			return copy;
		}
		if (value instanceof Map<?, ?> map) {
			Map<String, @Nullable Object> copy = new LinkedHashMap<>();
			map.forEach((key, element) -> copy.put(String.valueOf(key), of(element)));
			return copy;
		}
		throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
	}

	/** Scale never carries meaning in the engine: 2.50 and 2.5 are the same number. */
	public static BigDecimal normalize(BigDecimal value) {
		if (value.signum() == 0) {
			return BigDecimal.ZERO;
		}
		BigDecimal stripped = value.stripTrailingZeros();
		return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
	}

	/** The canonical text of a value (sorted keys, plain numbers, no whitespace). */
	public static String write(@Nullable Object value) {
		StringBuilder out = new StringBuilder(64);
		write(value, out);
		return out.toString();
	}

	private static void write(@Nullable Object value, StringBuilder out) {
		switch (value) {
			case null -> out.append("null");
			case Boolean bool -> out.append(bool.booleanValue());
			case BigDecimal decimal -> out.append(normalize(decimal).toPlainString());
			case String string -> writeString(string, out);
			case List<?> list -> {
				out.append('[');
				for (int i = 0; i < list.size(); i++) {
					if (i > 0) {
						out.append(',');
					}
					write(list.get(i), out);
				}
				out.append(']');
			}
			case Map<?, ?> map -> {
				out.append('{');
				boolean first = true;
				for (Map.Entry<?, ?> entry : new TreeMap<>(map).entrySet()) {
					if (!first) {
						out.append(',');
					}
					first = false;
					writeString(String.valueOf(entry.getKey()), out);
					out.append(':');
					write(entry.getValue(), out);
				}
				out.append('}');
			}
			default -> write(of(value), out);
		}
	}

	private static void writeString(String string, StringBuilder out) {
		out.append('"');
		for (int i = 0; i < string.length(); i++) {
			char c = string.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		out.append('"');
	}

}
