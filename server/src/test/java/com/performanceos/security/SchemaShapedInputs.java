package com.performanceos.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLUnionType;
import org.jspecify.annotations.Nullable;

import com.performanceos.platform.graphql.GlobalId;

/**
 * Random but schema-shaped GraphQL requests, derived from the schema alone: for a root field, a
 * document that calls it with every argument as a variable (and a few nested fields with arguments of
 * their own), and variables whose values follow the argument types down through input objects and
 * lists — mostly plausible, often hostile (NUL and other control characters, odd Unicode, overlong
 * text, impossible and out-of-range dates, huge and negative numbers, forged ids and cursors, wrong
 * JSON types, nulls where a value is required). Nothing here names a field of the schema, so fields
 * added later are covered without a change.
 */
final class SchemaShapedInputs {

	/** How deep the selection goes below the root field; deeper selections only cost more. */
	private static final int SELECTION_DEPTH_MAX = 3;

	private static final int LIST_LENGTH_MAX = 4;

	private static final String[] HOSTILE_STRINGS = { "", " ", "a\u0000b", "\u0000", "key\u0001", "tab\there", "line\nbreak",
			"cr\rreturn", "del\u007f", "c1\u0085", "\u202Eevil", "zero\u200Bwidth", "lone\uD800surrogate", "\uDC00", "emoji \uD83D\uDE00",
			"𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "ÄÖÜ àéè ß", "'; DROP TABLE ledger_account; --", "%_\\", "${jndi:ldap://127.0.0.1/a}", "=HYPERLINK(\"http://x\")",
			"../../etc/passwd", "<script>alert(1)</script>", "null", "0", "-1", "9".repeat(40), "x".repeat(501), "y".repeat(5_000),
			"z".repeat(70_000) };

	private static final String[] CONTROLS = { "\u0000", "\u0000", "\u0001", "\t", "\n", "\r", "\u001b", "\u001f", "\u007f", "\u0085" };

	private static final String[] PLAIN_STRINGS = { "A", "demo", "401", "512000", "EUR", "Sales", "2026-03", "pattern.*", "https://example.com/hook",
			"FR7630006000011234567890189" };

	private static final String[] DATES = { "2026-03-31", "2026-01-01", "1970-01-01", "2099-12-31", "2026-02-30", "2026-04-31", "2026-02-29",
			"2025-02-29", "9999-12-31", "0001-01-01", "1899-12-31", "1969-12-31", "2100-01-01", "+999999999-12-31", "-0001-01-01", "2026-13-01",
			"2026-00-10", "2026-1-1", "", "2026-03-31T00:00:00Z", "2026-03-3\u0000" };

	private static final String[] DATE_TIMES = { "2026-11-21T14:24:00Z", "2026-11-21T14:24:00+02:00", "1970-01-01T00:00:00Z",
			"2099-12-31T23:59:59Z", "+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "0001-01-01T00:00:00Z",
			"1969-12-31T23:59:59Z", "2100-01-01T00:00:00Z", "2026-02-30T00:00:00Z", "2026-11-21T14:24:00", "2026-11-21T25:00:00Z",
			"2026-11-21T14:24:00+25:00", "2026-11-21", "" };

	private static final String[] DECIMALS = { "0", "1", "1234.50", "-1", "-0.000001", "0.0000001", "1e5", "99999999999999999999999999999999",
			"9".repeat(64), "9".repeat(65), "abc", "1.", ".5", "NaN", "Infinity", "+1", "1,5", "" };

	private static final String[] CURRENCIES = { "EUR", "USD", "GBP", "eur", "XXX", "ZZZ", "", "E\u0000R", "EURO" };

	private static final Object[] INTS = { 0, 1, 2, 5, 20, 100, 101, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, 2_147_483_648L, 1.5, "1" };

	private static final Object[] LONGS = { 0L, 1L, -1L, Long.MAX_VALUE, Long.MIN_VALUE, "9223372036854775808", 1.5 };

	private static final Object[] FLOATS = { 0.0, -0.0, 1.5, -1.5, 1e308, -1e308, 4.9e-324, "1.0" };

	private final GraphQLSchema schema;

	private final Random random;

	private final List<String> nodeTypes;

	/**
	 * The share of hostile values in the request being built: none in some requests, a few or many in
	 * others. Single hostile values among plausible ones get past validation to the resolvers.
	 */
	private double hostileRate;

	SchemaShapedInputs(GraphQLSchema schema, Random random) {
		this.schema = schema;
		this.random = random;
		this.nodeTypes = schema.getAllTypesAsList()
			.stream()
			.filter(type -> type instanceof GraphQLObjectType object && object.getInterfaces().stream().anyMatch(i -> i.getName().equals("Node")))
			.map(type -> ((GraphQLObjectType) type).getName())
			.toList();
	}

	/** A request: the document, its variables, and the root field it calls (for failure reports). */
	record Request(String rootField, String document, Map<String, @Nullable Object> variables) {
	}

	/** A request calling {@code field} of the root type {@code root} ({@code query} or {@code mutation}). */
	Request request(String operationKeyword, GraphQLFieldDefinition field) {
		hostileRate = new double[] { 0, 0.1, 0.25, 0.6 }[random.nextInt(4)];
		Map<String, @Nullable Object> variables = new LinkedHashMap<>();
		List<String> declarations = new ArrayList<>();
		String call = call(field, declarations, variables, 0);
		String document = operationKeyword + " Fuzz" + (declarations.isEmpty() ? "" : "(" + String.join(", ", declarations) + ")") + " { "
				+ call + " }";
		return new Request(field.getName(), document, variables);
	}

	private String call(GraphQLFieldDefinition field, List<String> declarations, Map<String, @Nullable Object> variables, int depth) {
		StringBuilder call = new StringBuilder(field.getName());
		List<String> arguments = new ArrayList<>();
		for (GraphQLArgument argument : field.getArguments()) {
			boolean required = GraphQLTypeUtil.isNonNull(argument.getType());
			if (!required && random.nextInt(3) == 0) {
				continue;
			}
			String variable = "v" + variables.size();
			declarations.add("$" + variable + ": " + GraphQLTypeUtil.simplePrint(argument.getType()));
			variables.put(variable, value(argument.getType(), argument.getName(), 0));
			arguments.add(argument.getName() + ": $" + variable);
		}
		if (!arguments.isEmpty()) {
			call.append('(').append(String.join(", ", arguments)).append(')');
		}
		call.append(selection(field.getType(), declarations, variables, depth));
		return call.toString();
	}

	private String selection(GraphQLOutputType type, List<String> declarations, Map<String, @Nullable Object> variables, int depth) {
		GraphQLType named = GraphQLTypeUtil.unwrapAll(type);
		if (named instanceof GraphQLUnionType) {
			return " { __typename }";
		}
		if (!(named instanceof GraphQLFieldsContainer container)) {
			return "";
		}
		StringBuilder selection = new StringBuilder(" { __typename");
		GraphQLFieldDefinition userErrors = container.getFieldDefinition("userErrors");
		if (userErrors != null) {
			selection.append(" userErrors { code field message }");
		}
		if (depth < SELECTION_DEPTH_MAX) {
			List<GraphQLFieldDefinition> fields = new ArrayList<>(container.getFieldDefinitions());
			for (int picked = 0; picked < 3 && !fields.isEmpty(); picked++) {
				GraphQLFieldDefinition sub = fields.remove(random.nextInt(fields.size()));
				if (!sub.getName().equals("userErrors")) {
					selection.append(" f").append(depth).append('_').append(picked).append(": ")
						.append(call(sub, declarations, variables, depth + 1));
				}
			}
		}
		return selection.append(" }").toString();
	}

	private @Nullable Object value(GraphQLInputType type, String name, int depth) {
		if (type instanceof GraphQLNonNull nonNull) {
			// A null where the schema requires a value, now and then.
			return hostile(0.1) ? null : value((GraphQLInputType) nonNull.getWrappedType(), name, depth);
		}
		if (random.nextInt(12) == 0) {
			return null;
		}
		if (hostile(0.05)) {
			return wrongShape();
		}
		if (type instanceof GraphQLList list) {
			int length = depth > 2 ? 0 : random.nextInt(LIST_LENGTH_MAX + 1);
			List<@Nullable Object> items = new ArrayList<>(length);
			for (int i = 0; i < length; i++) {
				items.add(value((GraphQLInputType) list.getWrappedType(), name, depth + 1));
			}
			return items;
		}
		if (type instanceof GraphQLInputObjectType object) {
			Map<String, @Nullable Object> fields = new LinkedHashMap<>();
			for (GraphQLInputObjectField field : object.getFieldDefinitions()) {
				if (GraphQLTypeUtil.isNonNull(field.getType()) || random.nextBoolean()) {
					fields.put(field.getName(), value(field.getType(), field.getName(), depth + 1));
				}
			}
			return fields;
		}
		if (type instanceof GraphQLEnumType enumeration) {
			List<GraphQLEnumValueDefinition> values = enumeration.getValues();
			return hostile(0.2) ? "NOT_A_VALUE" : values.get(random.nextInt(values.size())).getName();
		}
		return scalar(((GraphQLScalarType) type).getName(), name);
	}

	private Object scalar(String scalar, String name) {
		if (!hostile(1)) {
			return plausible(scalar, name);
		}
		return switch (scalar) {
			case "String" -> string(name);
			case "ID" -> id();
			case "Int" -> pick(INTS);
			case "Long" -> pick(LONGS);
			case "Float" -> pick(FLOATS);
			case "Boolean" -> random.nextBoolean();
			case "Date" -> pick(DATES);
			case "DateTime" -> pick(DATE_TIMES);
			case "Decimal" -> random.nextInt(10) == 0 ? 12.5 : pick(DECIMALS);
			case "Currency" -> pick(CURRENCIES);
			case "JSON" -> json();
			default -> string(name);
		};
	}

	/** Whether the next value is hostile, at {@code share} of the request's rate. */
	private boolean hostile(double share) {
		return random.nextDouble() < hostileRate * share;
	}

	private Object plausible(String scalar, String name) {
		return switch (scalar) {
			case "ID" -> random.nextBoolean() || nodeTypes.isEmpty() ? pick(PLAIN_STRINGS)
					: GlobalId.encode(pick(nodeTypes.toArray(String[]::new)), UUID.randomUUID());
			case "Int", "Long" -> random.nextInt(101);
			case "Float" -> random.nextDouble() * 100;
			case "Boolean" -> random.nextBoolean();
			case "Date" -> pick(Arrays.copyOf(DATES, 4));
			case "DateTime" -> pick(Arrays.copyOf(DATE_TIMES, 4));
			case "Decimal" -> pick(Arrays.copyOf(DECIMALS, 5));
			case "Currency" -> pick(Arrays.copyOf(CURRENCIES, 3));
			case "JSON" -> Map.of("note", "plain");
			default -> pick(PLAIN_STRINGS);
		};
	}

	private String string(String name) {
		if (random.nextInt(3) == 0) {
			return pick(PLAIN_STRINGS);
		}
		if (name.toLowerCase(java.util.Locale.ROOT).contains("cursor") || name.equals("after") || name.equals("before")) {
			return cursor();
		}
		if (random.nextBoolean()) {
			// A plausible value with one control character inside: the likeliest to pass every other check.
			String plain = pick(PLAIN_STRINGS);
			int at = random.nextInt(plain.length() + 1);
			return plain.substring(0, at) + pick(CONTROLS) + plain.substring(at);
		}
		return pick(HOSTILE_STRINGS);
	}

	private String id() {
		int kind = random.nextInt(6);
		if (kind <= 2 && !nodeTypes.isEmpty()) {
			return GlobalId.encode(pick(nodeTypes.toArray(String[]::new)), UUID.randomUUID());
		}
		return switch (kind) {
			case 3 -> base64("Account:" + "not-a-uuid\u0000");
			case 4 -> UUID.randomUUID().toString();
			default -> pick(HOSTILE_STRINGS);
		};
	}

	/** Cursors as this API writes them, but with keys it never writes: NUL, text where numbers go, garbage. */
	private String cursor() {
		String[] keys = { "1", "-1", "9223372036854775808", "a\u0000b", "2026-02-30|1", "2026-03-31|00000000-0000-0000-0000-000000000000|1", "\u001f",
				"x".repeat(2_000), "'", "2026-03-31|" + "9".repeat(30) };
		int kind = random.nextInt(4);
		if (kind == 0) {
			return pick(HOSTILE_STRINGS);
		}
		if (kind == 1) {
			return base64(pick(keys));
		}
		return base64("cursor:" + pick(keys));
	}

	private Object json() {
		return switch (random.nextInt(5)) {
			case 0 -> Map.of();
			case 1 -> Map.of("text", "a\u0000b", "nested", Map.of("n", 1));
			case 2 -> List.of(1, "two", Map.of());
			case 3 -> "plain";
			default -> Map.of("key\u0001", true);
		};
	}

	private Object wrongShape() {
		return switch (random.nextInt(5)) {
			case 0 -> "string";
			case 1 -> 42;
			case 2 -> Map.of("unknown", 1);
			case 3 -> List.of("a", "b");
			default -> true;
		};
	}

	private static String base64(String text) {
		return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	@SuppressWarnings("unchecked")
	private <T> T pick(T[] values) {
		return values[random.nextInt(values.length)];
	}

}
