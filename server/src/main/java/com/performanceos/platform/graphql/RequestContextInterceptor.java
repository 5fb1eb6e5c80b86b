package com.performanceos.platform.graphql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.GraphQLContext;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.SubscriptionExecutionStrategy;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import com.performanceos.platform.web.TraceIdWebFilter;

/**
 * Carries the request's trace id into the GraphQL context and makes sure every error of the
 * response has {@code extensions.code} and {@code extensions.traceId}, including the errors
 * graphql-java raises itself (parse, validation, variable coercion). Subscription events are delivered in the order
 * their source emits them: graphql-java resolves each event's fields asynchronously and, unless told to keep them
 * ordered, sends whichever event finishes first ({@code ruleChanged} once delivered a retirement before the rollback
 * that preceded it).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public final class RequestContextInterceptor implements WebGraphQlInterceptor {

	static final String TRACE_ID_KEY = TraceIdWebFilter.TRACE_ID_KEY;

	/** Key of the caller's network address in the GraphQL context. */
	public static final String SOURCE_ADDRESS_KEY = "sourceAddress";

	static String traceId(GraphQLContext context) {
		String traceId = context.get(TRACE_ID_KEY);
		return traceId != null ? traceId : "";
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		return Mono.deferContextual(reactorContext -> {
			String traceId = reactorContext.getOrDefault(TRACE_ID_KEY, UUID.randomUUID().toString().replace("-", ""));
			String sourceAddress = request.getRemoteAddress() != null
					? request.getRemoteAddress().getAddress().getHostAddress() : null;
			request.configureExecutionInput((input, builder) -> builder.graphQLContext(context -> {
				context.put(TRACE_ID_KEY, traceId);
				context.put(SubscriptionExecutionStrategy.KEEP_SUBSCRIPTION_EVENTS_ORDERED, true);
				if (sourceAddress != null) {
					context.put(SOURCE_ADDRESS_KEY, sourceAddress);
				}
			}).build());
			return chain.next(request).map(response -> response.getErrors().isEmpty() ? response
					: response.transform(builder -> builder.errors(normalise(response.getErrors(), traceId, request.getVariables()))));
		});
	}

	private static List<GraphQLError> normalise(List<ResponseError> errors, String traceId, Map<String, Object> variables) {
		List<GraphQLError> normalised = new ArrayList<>(errors.size());
		for (ResponseError error : errors) {
			Map<String, Object> extensions = new LinkedHashMap<>(error.getExtensions());
			extensions.putIfAbsent("code", codeOf(error.getErrorType()).name());
			extensions.putIfAbsent("traceId", traceId);
			if (!extensions.containsKey("argument")) {
				// A scalar refused inside a variable: name the nested field, as argument checks do.
				String argument = VariablePaths.locate(error.getMessage(), variables);
				if (argument != null) {
					extensions.put("argument", argument);
				}
			}
			GraphqlErrorBuilder<?> builder = GraphqlErrorBuilder.newError()
				.message(error.getMessage() != null ? error.getMessage() : "")
				.locations(error.getLocations())
				.errorType(error.getErrorType())
				.extensions(extensions);
			if (!error.getParsedPath().isEmpty()) {
				builder.path(error.getParsedPath());
			}
			normalised.add(builder.build());
		}
		return normalised;
	}

	private static ErrorCode codeOf(ErrorClassification classification) {
		if (classification == ErrorType.InvalidSyntax) {
			return ErrorCode.GRAPHQL_PARSE_FAILED;
		}
		if (classification == ErrorType.ValidationError) {
			return ErrorCode.GRAPHQL_VALIDATION_FAILED;
		}
		if (classification == org.springframework.graphql.execution.ErrorType.UNAUTHORIZED) {
			return ErrorCode.UNAUTHENTICATED;
		}
		if (classification == org.springframework.graphql.execution.ErrorType.FORBIDDEN) {
			return ErrorCode.FORBIDDEN;
		}
		if (classification == org.springframework.graphql.execution.ErrorType.BAD_REQUEST) {
			return ErrorCode.BAD_USER_INPUT;
		}
		if (classification.toString().contains("Validation")) {
			return ErrorCode.GRAPHQL_VALIDATION_FAILED;
		}
		// graphql-java's good-faith check refuses introspection that repeats its costly fields: a
		// request too expensive to run, the client's to change, exactly like any other cost refusal.
		if (classification.toString().contains("BadFaithIntrospection")) {
			return ErrorCode.COST_LIMIT_EXCEEDED;
		}
		// An operation kind the transport cannot run (a subscription over plain HTTP POST).
		if (classification == ErrorType.OperationNotSupported) {
			return ErrorCode.BAD_USER_INPUT;
		}
		return ErrorCode.INTERNAL;
	}

}
