package com.performanceos.platform.security;

import java.util.Map;

import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Authenticates a {@code graphql-transport-ws} connection from its {@code connection_init}
 * payload ({@code {"Authorization": "Bearer <token>"}}), the only place a browser can put a token.
 * A connection without a valid token is closed before any operation runs.
 */
@Component
final class WebSocketAuthentication implements WebSocketGraphQlInterceptor {

	static final String VIEWER_ATTRIBUTE = WebSocketAuthentication.class.getName() + ".viewer";

	private final ReactiveJwtDecoder decoder;

	private final JwtViewerConverter converter;

	WebSocketAuthentication(ReactiveJwtDecoder decoder, JwtViewerConverter converter) {
		this.decoder = decoder;
		this.converter = converter;
	}

	@Override
	public Mono<Object> handleConnectionInitialization(WebSocketSessionInfo info, Map<String, Object> payload) {
		Object header = payload.getOrDefault("Authorization", payload.get("authorization"));
		if (!(header instanceof String value) || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return Mono.error(new InvalidBearerTokenException(
					"connection_init must carry {\"Authorization\": \"Bearer <token>\"}"));
		}
		return decoder.decode(value.substring(7).trim()).map(converter::toViewer).doOnNext(viewer -> {
			info.getAttributes().put(VIEWER_ATTRIBUTE, viewer);
		}).then(Mono.empty());
	}

}
