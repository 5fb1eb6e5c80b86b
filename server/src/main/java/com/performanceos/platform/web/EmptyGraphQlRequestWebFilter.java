package com.performanceos.platform.web;

import java.nio.charset.StandardCharsets;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Answers 400 with a typed error when a {@code POST /graphql} ends without a response. Spring
 * GraphQL reads an empty body, or the JSON literal {@code null}, as no request at all and answers
 * nothing, which the server would send as an empty 200: a client could take that for success.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
final class EmptyGraphQlRequestWebFilter implements WebFilter {

	static final String MESSAGE = "The request body holds no GraphQL request; send {\"query\": \"...\"} as JSON";

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (exchange.getRequest().getMethod() != HttpMethod.POST || !"/graphql".equals(exchange.getRequest().getPath().value())) {
			return chain.filter(exchange);
		}
		return chain.filter(exchange).then(Mono.defer(() -> {
			var response = exchange.getResponse();
			if (response.isCommitted() || response.getStatusCode() != null && !response.getStatusCode().is2xxSuccessful()) {
				return Mono.empty();
			}
			response.setStatusCode(HttpStatus.BAD_REQUEST);
			response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
			byte[] body = GraphQlErrorBody.json("BAD_REQUEST", MESSAGE, GraphQlErrorBody.traceId(exchange))
				.getBytes(StandardCharsets.UTF_8);
			return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
		}));
	}

}
