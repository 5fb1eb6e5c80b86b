package com.performanceos.platform.graphql;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.schema.DataFetchingEnvironment;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

/**
 * The one place where exceptions from resolvers become GraphQL errors. Known failures keep their
 * message; anything else is a bug, logged with its stack trace and answered with a generic message
 * and the trace id — never the stack trace or the exception's text, which may leak internals.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
final class ExceptionMapping extends DataFetcherExceptionResolverAdapter {

	private static final Logger log = LoggerFactory.getLogger(ExceptionMapping.class);

	ExceptionMapping() {
		// Restores the request's thread-locals (the MDC trace id among them) while resolving, so the
		// lines logged below carry the trace id in their structured fields too.
		setThreadLocalContextAware(true);
	}

	@Override
	protected @Nullable GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
		String traceId = RequestContextInterceptor.traceId(env.getGraphQlContext());
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
			message = "Your roles do not allow reading " + env.getExecutionStepInfo().getPath();
		}
		else if (ex instanceof AuthenticationException) {
			code = ErrorCode.UNAUTHENTICATED;
			message = "Authentication is required";
		}
		else if (ex instanceof AbortExecutionException || ex instanceof CancellationException) {
			// The request was stopped (deadline, result size, client gone) while this field ran; the
			// limit that stopped it answers for the whole response.
			code = ErrorCode.EXECUTION_TIMEOUT;
			message = "The operation was stopped before this field completed";
			log.debug("Field {} stopped with its request [traceId={}]", env.getExecutionStepInfo().getPath(), traceId);
		}
		else if (ex instanceof DataAccessResourceFailureException || ex instanceof TransientDataAccessException) {
			code = ErrorCode.SERVICE_UNAVAILABLE;
			message = "A backing service is temporarily unavailable; retry later";
			log.warn("Service unavailable at {} [traceId={}]: {}", env.getExecutionStepInfo().getPath(), traceId,
					ex.toString());
		}
		else {
			code = ErrorCode.INTERNAL;
			message = "Internal error; quote the trace id when reporting it";
			log.error("Unhandled error at {} [traceId={}]", env.getExecutionStepInfo().getPath(), traceId, ex);
		}
		extensions.put("code", code.name());
		extensions.put("traceId", traceId);
		return GraphqlErrorBuilder.newError(env).message(message).extensions(extensions).build();
	}

}
