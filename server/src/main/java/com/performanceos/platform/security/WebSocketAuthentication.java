package com.performanceos.platform.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.socket.CloseStatus;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * Authenticates a {@code graphql-transport-ws} connection from its {@code connection_init}
 * payload ({@code {"Authorization": "Bearer <token>"}}), the only place a browser can put a token.
 * A connection without a valid token is closed before any operation runs (4401, by Spring GraphQL).
 * An accepted connection lives no longer than its token: at the token's {@code exp} it is closed
 * with {@link #TOKEN_EXPIRED} (4401), and the client reconnects with a fresh token. A client or
 * tenant already holding as many connections as {@link LiveConnectionProperties} allows has the new
 * one closed with {@link #TOO_MANY_CONNECTIONS} (4429).
 */
@Component
final class WebSocketAuthentication implements WebSocketGraphQlInterceptor {

	static final String VIEWER_ATTRIBUTE = WebSocketAuthentication.class.getName() + ".viewer";

	static final CloseStatus TOKEN_EXPIRED = new CloseStatus(4401, "Token expired");

	static final CloseStatus TOO_MANY_CONNECTIONS = new CloseStatus(4429, "Too many connections for this client or tenant");

	/** The viewer whose connection is counted, and the timer closing it at expiry. */
	private static final String SESSION_ATTRIBUTE = WebSocketAuthentication.class.getName() + ".session";

	private final ReactiveJwtDecoder decoder;

	private final JwtViewerConverter converter;

	private final LiveCounts connections;

	WebSocketAuthentication(ReactiveJwtDecoder decoder, JwtViewerConverter converter, LiveConnectionProperties limits) {
		this.decoder = decoder;
		this.converter = converter;
		this.connections = new LiveCounts(limits.maxConnectionsPerClient(), limits.maxConnectionsPerTenant());
	}

	@Override
	public Mono<Object> handleConnectionInitialization(WebSocketSessionInfo info, Map<String, Object> payload) {
		Object header = payload.getOrDefault("Authorization", payload.get("authorization"));
		if (!(header instanceof String value) || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return Mono.error(new InvalidBearerTokenException(
					"connection_init must carry {\"Authorization\": \"Bearer <token>\"}"));
		}
		return decoder.decode(value.substring(7).trim()).doOnNext(jwt -> admit(info, jwt)).then(Mono.empty());
	}

	@Override
	public void handleConnectionClosed(WebSocketSessionInfo info, int statusCode, Map<String, Object> payload) {
		if (info.getAttributes().remove(SESSION_ATTRIBUTE) instanceof Admitted admitted) {
			admitted.expiry().dispose();
			connections.release(admitted.viewer());
		}
	}

	private void admit(WebSocketSessionInfo info, Jwt jwt) {
		Viewer viewer = converter.toViewer(jwt);
		Consumer<CloseStatus> closer = closer(info);
		if (!connections.tryAcquire(viewer)) {
			closer.accept(TOO_MANY_CONNECTIONS);
			return;
		}
		// exp is required of every token (SecurityConfiguration.validator).
		Instant expiresAt = jwt.getExpiresAt() != null ? jwt.getExpiresAt() : Instant.now();
		Duration remaining = Duration.between(Instant.now(), expiresAt);
		Disposable expiry = Mono.delay(remaining.isNegative() ? Duration.ZERO : remaining).subscribe(tick -> closer.accept(TOKEN_EXPIRED));
		info.getAttributes().put(SESSION_ATTRIBUTE, new Admitted(viewer, expiry));
		info.getAttributes().put(VIEWER_ATTRIBUTE, viewer);
	}

	@SuppressWarnings("unchecked")
	private static Consumer<CloseStatus> closer(WebSocketSessionInfo info) {
		@Nullable Object closer = info.getAttributes().get(ClosableGraphQlWebSocketHandler.CLOSER_ATTRIBUTE);
		if (closer instanceof Consumer<?> consumer) {
			return (Consumer<CloseStatus>) consumer;
		}
		throw new IllegalStateException("WebSocket sessions must be handled by ClosableGraphQlWebSocketHandler");
	}

	private record Admitted(Viewer viewer, Disposable expiry) {
	}

}
