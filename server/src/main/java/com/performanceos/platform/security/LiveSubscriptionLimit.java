package com.performanceos.platform.security;

import java.util.List;
import java.util.Map;

import graphql.ErrorType;
import graphql.GraphqlErrorBuilder;
import org.reactivestreams.Publisher;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
/**
 * Caps the live subscriptions (over WebSocket and SSE alike) one client and one tenant may hold on
 * this instance ({@link LiveConnectionProperties}); one over the cap is answered
 * {@code TOO_MANY_SUBSCRIPTIONS} and never starts. A subscription counts from the moment its stream
 * is set up until it completes, fails or is cancelled.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 15)
final class LiveSubscriptionLimit implements WebGraphQlInterceptor {

	/** {@code ErrorCode.TOO_MANY_SUBSCRIPTIONS}, spelled out: the graphql package depends on this one, not the reverse. */
	static final String CODE = "TOO_MANY_SUBSCRIPTIONS";

	private final LiveCounts subscriptions;

	LiveSubscriptionLimit(LiveConnectionProperties limits) {
		this.subscriptions = new LiveCounts(limits.maxSubscriptionsPerClient(), limits.maxSubscriptionsPerTenant());
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		return chain.next(request).map(this::limit);
	}

	private WebGraphQlResponse limit(WebGraphQlResponse response) {
		Object data = response.getExecutionResult().getData();
		Viewer viewer = response.getExecutionInput().getGraphQLContext().get(Viewer.CONTEXT_KEY);
		if (!(data instanceof Publisher<?> stream) || viewer == null) {
			return response;
		}
		if (!subscriptions.tryAcquire(viewer)) {
			return response.transform(builder -> builder.data(null).errors(List.of(GraphqlErrorBuilder.newError()
				.message("This client or its tenant already holds as many live subscriptions as allowed (" + subscriptions.maxPerClient()
						+ " per client, " + subscriptions.maxPerTenant() + " per tenant); end one before starting another")
				.errorType(ErrorType.ExecutionAborted)
				.extensions(Map.of("code", CODE, "maxSubscriptionsPerClient",
						subscriptions.maxPerClient(), "maxSubscriptionsPerTenant", subscriptions.maxPerTenant()))
				.build())));
		}
		Flux<?> counted = Flux.from(stream).doFinally(signal -> subscriptions.release(viewer));
		return response.transform(builder -> builder.data(counted));
	}

}
