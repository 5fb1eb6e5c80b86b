package com.performanceos.platform.web;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Answers a request to {@code /graphql} with a method other than POST (GraphQL over HTTP's GET is
 * not offered: a query in a URL ends up in logs and caches) with a typed 405, where Spring GraphQL
 * answers an empty one a client cannot parse.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
final class GraphQlMethodWebFilter implements WebFilter {

	/** Methods left to the rest of the chain: the endpoint's own, and CORS preflights. */
	private static final Set<HttpMethod> PASSED = Set.of(HttpMethod.POST, HttpMethod.OPTIONS);

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (PASSED.contains(exchange.getRequest().getMethod()) || !"/graphql".equals(exchange.getRequest().getPath().value())) {
			return chain.filter(exchange);
		}
		var response = exchange.getResponse();
		response.setStatusCode(HttpStatus.METHOD_NOT_ALLOWED);
		response.getHeaders().set(HttpHeaders.ALLOW, HttpMethod.POST.name());
		response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
		byte[] body = GraphQlErrorBody.json("METHOD_NOT_ALLOWED", "Send GraphQL requests with POST", GraphQlErrorBody.traceId(exchange))
			.getBytes(StandardCharsets.UTF_8);
		return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
	}

}
