package com.performanceos.platform.graphql;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.function.Function;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.scalars.ExtendedScalars;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.GraphQLScalarType;

import com.performanceos.platform.validation.InvalidInputException;
import com.performanceos.platform.validation.SupportedDates;

/**
 * {@code DateTime}: RFC 3339 with an offset. Output is graphql-java-extended-scalars'; input is
 * parsed strictly and must lie within {@link SupportedDates} (a year such as +999999999 is refused
 * here instead of failing in the database). Domain code keeps instants ({@link Instant}); they are
 * written in UTC.
 */
final class DateTimeScalar {

	private DateTimeScalar() {
	}

	@SuppressWarnings("unchecked")
	static GraphQLScalarType create() {
		GraphQLScalarType base = ExtendedScalars.DateTime;
		Coercing<Object, Object> delegate = (Coercing<Object, Object>) base.getCoercing();
		return base.transform(builder -> builder.coercing(new Coercing<Object, Object>() {
			@Override
			public Object serialize(Object value, GraphQLContext context, Locale locale) {
				Object normalised = value instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : value;
				return delegate.serialize(normalised, context, locale);
			}

			@Override
			public Object parseValue(Object input, GraphQLContext context, Locale locale) {
				if (input instanceof String text) {
					return parse(text, CoercingParseValueException::new);
				}
				if (input instanceof OffsetDateTime dateTime) {
					return check(dateTime, CoercingParseValueException::new);
				}
				throw new CoercingParseValueException("A DateTime is a string such as \"2026-11-21T14:24:00Z\", not "
						+ input.getClass().getSimpleName());
			}

			@Override
			public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
				if (input instanceof StringValue text) {
					return parse(text.getValue(), CoercingParseLiteralException::new);
				}
				throw new CoercingParseLiteralException("A DateTime literal is a string such as \"2026-11-21T14:24:00Z\"");
			}
		}));
	}

	private static <E extends RuntimeException> OffsetDateTime parse(String text, Function<String, E> error) {
		try {
			return SupportedDates.parseOffsetDateTime(text);
		}
		catch (InvalidInputException ex) {
			throw error.apply("DateTime " + ex.getMessage());
		}
	}

	private static <E extends RuntimeException> OffsetDateTime check(OffsetDateTime dateTime, Function<String, E> error) {
		try {
			SupportedDates.check(dateTime);
			return dateTime;
		}
		catch (InvalidInputException ex) {
			throw error.apply("DateTime " + ex.getMessage());
		}
	}

}
