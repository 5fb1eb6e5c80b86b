package com.performanceos.platform.graphql;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.Value;
import graphql.scalars.ExtendedScalars;
import graphql.schema.Coercing;
import graphql.schema.GraphQLScalarType;

/**
 * {@code DateTime}: RFC 3339 with an offset, from graphql-java-extended-scalars. Domain code keeps
 * instants ({@link Instant}); they are written in UTC.
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
				return delegate.parseValue(input, context, locale);
			}

			@Override
			public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
				return delegate.parseLiteral(input, variables, context, locale);
			}
		}));
	}

}
