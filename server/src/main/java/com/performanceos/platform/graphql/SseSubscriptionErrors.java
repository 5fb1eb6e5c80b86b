package com.performanceos.platform.graphql;

import java.util.List;

import graphql.ExecutionResult;
import org.reactivestreams.Publisher;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Lets a subscription over SSE that fails before it starts (a refused role, an invalid document) report its own
 * errors. Spring GraphQL's SSE handler expects a stream and answers anything else with a generic "SSE handler
 * supports only subscriptions" error, which would hide {@code FORBIDDEN} and the trace id from the client. Wrapping
 * the errors in a one-element stream makes the handler send them as a {@code next} event followed by
 * {@code complete}, as GraphQL over WebSocket does. Ordered outside {@link RequestContextInterceptor} so the errors
 * it wraps already carry their code and trace id.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
final class SseSubscriptionErrors implements WebGraphQlInterceptor {

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		if (request instanceof WebSocketGraphQlRequest || !acceptsEventStream(request)) {
			return chain.next(request);
		}
		return chain.next(request).map(response -> {
			ExecutionResult result = response.getExecutionResult();
			if (result.getData() instanceof Publisher<?> || result.getErrors().isEmpty()) {
				return response;
			}
			ExecutionResult failure = ExecutionResult.newExecutionResult().errors(result.getErrors()).build();
			return response.transform(builder -> builder.data(Mono.just(failure)).errors(List.of()));
		});
	}

	/**
	 * Only requests the SSE handler serves: they name {@code text/event-stream} explicitly and no JSON
	 * type. A wildcard ({@code *}{@code /*}, what curl sends) is served as JSON and must stay JSON.
	 */
	static boolean acceptsEventStream(WebGraphQlRequest request) {
		List<MediaType> accepted = request.getHeaders().getAccept();
		boolean eventStream = accepted.stream().anyMatch(type -> type.equalsTypeAndSubtype(MediaType.TEXT_EVENT_STREAM));
		boolean json = accepted.stream()
			.anyMatch(type -> !type.isWildcardType() && (type.equalsTypeAndSubtype(MediaType.APPLICATION_JSON)
					|| type.equalsTypeAndSubtype(MediaType.APPLICATION_GRAPHQL_RESPONSE)));
		return eventStream && !json;
	}

}
