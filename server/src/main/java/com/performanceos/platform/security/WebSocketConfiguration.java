package com.performanceos.platform.security;

import org.springframework.boot.graphql.autoconfigure.GraphQlCorsProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webflux.GraphQlWebSocketHandler;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.cors.CorsConfiguration;

/**
 * Replaces Spring Boot's {@code graphql-transport-ws} handler (it backs off when one is defined)
 * with one whose sessions can be closed by {@link WebSocketAuthentication}, built from the same
 * settings.
 */
@Configuration(proxyBeanMethods = false)
class WebSocketConfiguration {

	@Bean
	GraphQlWebSocketHandler graphQlWebSocketHandler(WebGraphQlHandler handler, GraphQlProperties properties,
			GraphQlCorsProperties cors, ServerCodecConfigurer codecs) {
		CorsConfiguration corsConfiguration = cors.toCorsConfiguration();
		return new ClosableGraphQlWebSocketHandler(handler, codecs, properties.getWebsocket().getConnectionInitTimeout(),
				properties.getWebsocket().getKeepAlive(), corsConfiguration != null ? corsConfiguration : new CorsConfiguration());
	}

}
