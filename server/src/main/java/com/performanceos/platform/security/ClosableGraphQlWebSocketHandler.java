package com.performanceos.platform.security;

import java.time.Duration;
import java.util.function.Consumer;

import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webflux.GraphQlWebSocketHandler;
import org.springframework.http.codec.CodecConfigurer;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Mono;

/**
 * Spring GraphQL's {@code graphql-transport-ws} handler, which also leaves in every session's
 * attributes a way to close that session. Its interceptor sees only the session's attributes, and
 * needs to close a session long after {@code connection_init}: when the token expires, or at once
 * when the caller holds too many connections.
 */
final class ClosableGraphQlWebSocketHandler extends GraphQlWebSocketHandler {

	/** The session attribute holding a {@code Consumer<CloseStatus>} that closes the session. */
	static final String CLOSER_ATTRIBUTE = ClosableGraphQlWebSocketHandler.class.getName() + ".closer";

	ClosableGraphQlWebSocketHandler(WebGraphQlHandler graphQlHandler, CodecConfigurer codecConfigurer, Duration initTimeout,
			Duration keepAlive, CorsConfiguration cors) {
		super(graphQlHandler, codecConfigurer, initTimeout, keepAlive, cors);
	}

	@Override
	public Mono<Void> handle(WebSocketSession session) {
		Consumer<CloseStatus> closer = status -> session.close(status).subscribe();
		session.getAttributes().put(CLOSER_ATTRIBUTE, closer);
		return super.handle(session);
	}

}
