package com.performanceos.platform.security;

import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import com.performanceos.platform.web.GraphQlErrorBody;

/**
 * Answers an unauthenticated request with 401 and a GraphQL-shaped body
 * ({@code errors[0].extensions.code = UNAUTHENTICATED}), so clients parse one error format.
 */
final class GraphQlAuthenticationEntryPoint implements ServerAuthenticationEntryPoint {

	@Override
	public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
		var response = exchange.getResponse();
		response.setStatusCode(HttpStatus.UNAUTHORIZED);
		response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
		String message = ex.getMessage() != null && !ex.getMessage().isBlank() ? ex.getMessage()
				: "Authentication is required";
		byte[] body = GraphQlErrorBody.json("UNAUTHENTICATED", message, GraphQlErrorBody.traceId(exchange))
			.getBytes(StandardCharsets.UTF_8);
		return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
	}

}
