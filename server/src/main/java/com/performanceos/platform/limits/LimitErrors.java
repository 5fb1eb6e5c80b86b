package com.performanceos.platform.limits;

import java.util.LinkedHashMap;
import java.util.Map;

import graphql.ErrorType;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;

import com.performanceos.platform.graphql.ErrorCode;

/** Top-level errors of refused requests, with {@code extensions.code} as every error has. */
final class LimitErrors {

	private LimitErrors() {
	}

	static GraphQLError of(ErrorCode code, String message) {
		return of(code, message, Map.of());
	}

	static GraphQLError of(ErrorCode code, String message, Map<String, Object> details) {
		Map<String, Object> extensions = new LinkedHashMap<>();
		extensions.put("code", code.name());
		extensions.putAll(details);
		return GraphqlErrorBuilder.newError()
			.message(message)
			.errorType(code == ErrorCode.BAD_USER_INPUT ? ErrorType.ValidationError : ErrorType.ExecutionAborted)
			.extensions(extensions)
			.build();
	}

}
