package com.performanceos.platform.security;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Puts the authenticated {@link Viewer} into the GraphQL context of every request, from the HTTP
 * security context or from the WebSocket session, so resolvers receive it with
 * {@code @ContextValue Viewer viewer} and nothing reads a tenant from anywhere else.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
final class ViewerContextInterceptor implements WebGraphQlInterceptor {

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		return viewer(request).flatMap(viewer -> {
			request.configureExecutionInput(
					(input, builder) -> builder.graphQLContext(context -> context.put(Viewer.CONTEXT_KEY, viewer)).build());
			return chain.next(request);
		}).switchIfEmpty(Mono.error(() -> new InvalidBearerTokenException("Authentication is required")));
	}

	private static Mono<Viewer> viewer(WebGraphQlRequest request) {
		if (request instanceof WebSocketGraphQlRequest socketRequest) {
			Object viewer = socketRequest.getSessionInfo().getAttributes().get(WebSocketAuthentication.VIEWER_ATTRIBUTE);
			return viewer instanceof Viewer known ? Mono.just(known) : Mono.empty();
		}
		return ReactiveSecurityContextHolder.getContext()
			.map(SecurityContext::getAuthentication)
			.filter(ViewerAuthentication.class::isInstance)
			.map(authentication -> ((ViewerAuthentication) authentication).viewer());
	}

}
