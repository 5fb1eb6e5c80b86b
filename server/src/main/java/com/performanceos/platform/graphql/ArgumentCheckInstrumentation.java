package com.performanceos.platform.graphql;

import java.util.List;
import java.util.Map;

import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLType;
import org.jspecify.annotations.Nullable;

import com.performanceos.platform.validation.ControlCharacters;
import com.performanceos.platform.validation.InvalidInputException;

/**
 * Checks every string a field receives, before its resolver runs: each {@code String} and {@code ID}
 * argument, inside input objects and lists to any depth, and the strings of {@code JSON} values, against
 * {@link ControlCharacters} ({@code ID}s and identifier-named strings as identifiers, other strings as
 * free text). A refusal is a {@code BAD_USER_INPUT} error on the field naming the argument's path
 * ({@code extensions.argument}, e.g. {@code input.lines[2].memo}); the resolver does not run. Being
 * generic, it covers every field a later schema change adds.
 */
final class ArgumentCheckInstrumentation implements Instrumentation {

	/** Deepest JSON value inspected; deeper ones are refused rather than walked. */
	private static final int JSON_DEPTH_MAX = 32;

	@Override
	public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters,
			@Nullable InstrumentationState state) {
		GraphQLFieldDefinition field = parameters.getExecutionStepInfo().getFieldDefinition();
		if (field.getArguments().isEmpty()) {
			return dataFetcher;
		}
		return environment -> {
			Map<String, Object> arguments = environment.getArguments();
			for (GraphQLArgument argument : field.getArguments()) {
				check(argument.getName(), argument.getName(), arguments.get(argument.getName()), argument.getType());
			}
			return dataFetcher.get(environment);
		};
	}

	private static void check(String path, String name, @Nullable Object value, GraphQLInputType type) {
		if (value == null) {
			return;
		}
		GraphQLType unwrapped = type instanceof GraphQLNonNull nonNull ? nonNull.getWrappedType() : type;
		if (unwrapped instanceof GraphQLList list && value instanceof List<?> items) {
			for (int i = 0; i < items.size(); i++) {
				check(path + "[" + i + "]", name, items.get(i), (GraphQLInputType) list.getWrappedType());
			}
		}
		else if (unwrapped instanceof GraphQLInputObjectType object && value instanceof Map<?, ?> fields) {
			for (GraphQLInputObjectField field : object.getFieldDefinitions()) {
				check(path + "." + field.getName(), field.getName(), fields.get(field.getName()), field.getType());
			}
		}
		else if (unwrapped instanceof GraphQLScalarType scalar) {
			switch (scalar.getName()) {
				case "ID" -> text(path, value, ControlCharacters.Kind.IDENTIFIER);
				case "String" -> text(path, value, ControlCharacters.kindOfName(name));
				case "JSON" -> json(path, value, 0);
				default -> {
					// Other scalars are parsed by their own coercing, which refuses what they cannot hold.
				}
			}
		}
	}

	private static void text(String path, Object value, ControlCharacters.Kind kind) {
		if (value instanceof String text) {
			try {
				ControlCharacters.check(text, kind);
			}
			catch (InvalidInputException ex) {
				throw refusal(path, ex.about(path));
			}
		}
	}

	private static void json(String path, @Nullable Object value, int depth) {
		if (depth > JSON_DEPTH_MAX) {
			throw refusal(path, path + " nests deeper than " + JSON_DEPTH_MAX + " levels");
		}
		if (value instanceof String) {
			text(path, value, ControlCharacters.Kind.FREE_TEXT);
		}
		else if (value instanceof Map<?, ?> object) {
			for (Map.Entry<?, ?> entry : object.entrySet()) {
				String key = String.valueOf(entry.getKey());
				text(path, key, ControlCharacters.Kind.IDENTIFIER);
				json(path + "." + key, entry.getValue(), depth + 1);
			}
		}
		else if (value instanceof List<?> items) {
			for (int i = 0; i < items.size(); i++) {
				json(path + "[" + i + "]", items.get(i), depth + 1);
			}
		}
	}

	private static GraphQlException refusal(String path, String message) {
		return new GraphQlException(ErrorCode.BAD_USER_INPUT, message, Map.of("argument", path));
	}

}
