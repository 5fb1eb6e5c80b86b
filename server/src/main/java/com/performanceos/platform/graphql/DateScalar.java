package com.performanceos.platform.graphql;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.function.Function;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;

import com.performanceos.platform.validation.InvalidInputException;
import com.performanceos.platform.validation.SupportedDates;

/**
 * {@code Date}: a calendar day as {@code yyyy-MM-dd}, parsed strictly and within
 * {@link SupportedDates}. graphql-java-extended-scalars' Date resolves leniently ({@code 2026-02-30}
 * became 2026-02-28) and accepts any year, hence this one.
 */
final class DateScalar {

	private DateScalar() {
	}

	static GraphQLScalarType create() {
		return GraphQLScalarType.newScalar()
			.name("Date")
			.description("A calendar day, yyyy-MM-dd, " + SupportedDates.describe() + ".")
			.coercing(new Coercing<LocalDate, String>() {
				@Override
				public String serialize(Object value, GraphQLContext context, Locale locale) {
					if (value instanceof LocalDate date) {
						return date.toString();
					}
					if (value instanceof OffsetDateTime dateTime) {
						return dateTime.toLocalDate().toString();
					}
					if (value instanceof ZonedDateTime dateTime) {
						return dateTime.toLocalDate().toString();
					}
					if (value instanceof String text) {
						return text;
					}
					throw new CoercingSerializeException("Not a date: " + value.getClass().getSimpleName());
				}

				@Override
				public LocalDate parseValue(Object input, GraphQLContext context, Locale locale) {
					if (input instanceof String text) {
						return parse(text, CoercingParseValueException::new);
					}
					throw new CoercingParseValueException("A Date is a string such as \"2026-03-31\", not " + input.getClass().getSimpleName());
				}

				@Override
				public LocalDate parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
					if (input instanceof StringValue text) {
						return parse(text.getValue(), CoercingParseLiteralException::new);
					}
					throw new CoercingParseLiteralException("A Date literal is a string such as \"2026-03-31\"");
				}
			})
			.build();
	}

	private static <E extends RuntimeException> LocalDate parse(String text, Function<String, E> error) {
		try {
			return SupportedDates.parseDate(text);
		}
		catch (InvalidInputException ex) {
			throw error.apply("Date " + ex.getMessage());
		}
	}

}
