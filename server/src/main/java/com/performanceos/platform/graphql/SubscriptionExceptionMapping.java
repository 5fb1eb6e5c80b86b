package com.performanceos.platform.graphql;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.ErrorType;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.SubscriptionExceptionResolverAdapter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The counterpart of {@link ExceptionMapping} for errors a subscription's stream raises after it
 * started (a job that is not the caller's, a refused role): without it Spring GraphQL sends them
 * over WebSocket and SSE as an error without {@code extensions.code}, which a client cannot tell from
 * a crash. Unknown exceptions stay generic and are logged.
 */
@Component
final class SubscriptionExceptionMapping extends SubscriptionExceptionResolverAdapter {

	private static final Logger log = LoggerFactory.getLogger(SubscriptionExceptionMapping.class);

	@Override
	protected @Nullable GraphQLError resolveToSingleError(Throwable ex) {
		Map<String, Object> extensions = new LinkedHashMap<>();
		String message;
		ErrorCode code;
		if (ex instanceof GraphQlException known) {
			code = known.code();
			message = known.getMessage();
			extensions.putAll(known.extensions());
		}
		else if (ex instanceof AccessDeniedException) {
			code = ErrorCode.FORBIDDEN;
			message = "Your roles do not allow this subscription";
		}
		else {
			code = ErrorCode.INTERNAL;
			message = "Internal error in a subscription";
			log.error("Unhandled error in a subscription", ex);
		}
		extensions.put("code", code.name());
		return GraphqlErrorBuilder.newError()
			.message(message)
			.errorType(code == ErrorCode.INTERNAL ? ErrorType.DataFetchingException : ErrorType.ExecutionAborted)
			.extensions(extensions)
			.build();
	}

	@Override
	protected @Nullable List<GraphQLError> resolveToMultipleErrors(Throwable ex) {
		GraphQLError error = resolveToSingleError(ex);
		return error != null ? List.of(error) : null;
	}

}
