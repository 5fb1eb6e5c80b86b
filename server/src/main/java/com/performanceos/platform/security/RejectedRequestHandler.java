package com.performanceos.platform.security;

import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import com.performanceos.platform.web.GraphQlErrorBody;

/**
 * Answers a request that Spring Security's firewall refuses (an encoded NUL, {@code %2e%2e} or a
 * backslash in the path, a control character in a header...) with a 400 in the GraphQL error shape,
 * like every other refusal, instead of the firewall's default 400 with an empty body. The message
 * does not repeat the firewall's reason: it would echo the attacker's input.
 */
final class RejectedRequestHandler implements ServerExchangeRejectedHandler {

	static final String MESSAGE = "The request URL or a header holds characters the server does not accept "
			+ "(encoded NUL or slash, path traversal, control characters)";

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
		var response = exchange.getResponse();
		if (response.isCommitted()) {
			return Mono.empty();
		}
		response.setStatusCode(HttpStatus.BAD_REQUEST);
		response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
		byte[] body = GraphQlErrorBody.json("BAD_REQUEST", MESSAGE, GraphQlErrorBody.traceId(exchange)).getBytes(StandardCharsets.UTF_8);
		return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
	}

}
