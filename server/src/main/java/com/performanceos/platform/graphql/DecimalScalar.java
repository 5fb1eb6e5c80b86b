package com.performanceos.platform.graphql;

import java.math.BigDecimal;
import java.util.Locale;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;

/**
 * {@code Decimal}: exact numbers carried as strings both ways. Floating-point input is refused
 * rather than rounded, because money must never pass through a binary fraction.
 */
final class DecimalScalar {

	/** Longest accepted literal: enough for any amount, small enough to bound parsing work. */
	private static final int MAX_LENGTH = 64;

	private DecimalScalar() {
	}

	static GraphQLScalarType create() {
		return GraphQLScalarType.newScalar()
			.name("Decimal")
			.description("An exact decimal number, serialised as a string.")
			.coercing(new Coercing<BigDecimal, String>() {
				@Override
				public String serialize(Object value, GraphQLContext context, Locale locale) {
					if (value instanceof BigDecimal decimal) {
						return decimal.toPlainString();
					}
					if (value instanceof Long || value instanceof Integer) {
						return value.toString();
					}
					throw new CoercingSerializeException("Not a decimal: " + value.getClass().getSimpleName());
				}

				@Override
				public BigDecimal parseValue(Object input, GraphQLContext context, Locale locale) {
					if (input instanceof String text) {
						return parse(text, CoercingParseValueException::new);
					}
					throw new CoercingParseValueException(
							"Decimal values are strings such as \"1234.50\", not " + input.getClass().getSimpleName());
				}

				@Override
				public BigDecimal parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
						Locale locale) {
					if (input instanceof StringValue text) {
						return parse(text.getValue(), CoercingParseLiteralException::new);
					}
					throw new CoercingParseLiteralException("Decimal literals are strings such as \"1234.50\"");
				}
			})
			.build();
	}

	private static <E extends RuntimeException> BigDecimal parse(String text,
			java.util.function.Function<String, E> error) {
		if (text.length() > MAX_LENGTH || !text.matches("-?\\d+(\\.\\d+)?")) {
			throw error.apply("Not a decimal number (digits with an optional '.' and fraction): \"" + abbreviate(text) + "\"");
		}
		return new BigDecimal(text);
	}

	private static String abbreviate(String text) {
		return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH) + "...";
	}

}
