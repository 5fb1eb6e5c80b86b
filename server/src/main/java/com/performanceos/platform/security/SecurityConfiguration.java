package com.performanceos.platform.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoders;
import org.springframework.security.web.server.SecurityWebFilterChain;

/**
 * Every GraphQL request needs a valid bearer token (introspection included). The WebSocket
 * endpoint is open at the HTTP level because browsers cannot set headers on an upgrade request:
 * its callers authenticate in {@code connection_init} instead (see {@link WebSocketAuthentication}).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

	@Bean
	SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, JwtViewerConverter converter) {
		var entryPoint = new GraphQlAuthenticationEntryPoint();
		return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
			// The explorer's page and bundled assets hold no data; every query the page sends needs a token.
			.authorizeExchange(exchanges -> exchanges.pathMatchers(HttpMethod.GET, "/graphiql", "/graphiql/assets/**")
				.permitAll()
				.pathMatchers("/graphql-ws")
				.permitAll()
				.pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus")
				.permitAll()
				.anyExchange()
				.authenticated())
			.exceptionHandling(handling -> handling.authenticationEntryPoint(entryPoint))
			.oauth2ResourceServer(oauth -> oauth.authenticationEntryPoint(entryPoint)
				.jwt(jwt -> jwt.jwtAuthenticationConverter(converter)))
			.build();
	}

	@Bean
	JwtViewerConverter jwtViewerConverter(SecurityProperties properties) {
		return new JwtViewerConverter(properties);
	}

	@Bean
	ReactiveJwtDecoder reactiveJwtDecoder(SecurityProperties properties, EmbeddedIssuerHolder embedded) {
		if (embedded.issuer().isPresent()) {
			EmbeddedIssuer issuer = embedded.issuer().get();
			NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withPublicKey(issuer.publicKey()).build();
			decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(issuer.issuer()));
			return decoder;
		}
		if (properties.jwkSetUri() != null && !properties.jwkSetUri().isBlank()) {
			NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwkSetUri()).build();
			decoder.setJwtValidator(properties.issuerUri() != null && !properties.issuerUri().isBlank()
					? JwtValidators.createDefaultWithIssuer(properties.issuerUri())
					: new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefault()));
			return decoder;
		}
		// Discovery validates the issuer claim against the configured issuer as well.
		return ReactiveJwtDecoders.fromIssuerLocation(properties.issuerUri());
	}

	@Bean
	EmbeddedIssuerHolder embeddedIssuerHolder(SecurityProperties properties) {
		return new EmbeddedIssuerHolder(properties.usesEmbeddedIssuer()
				? EmbeddedIssuer.loadOrCreate(properties.embeddedKeyPath(), properties.embeddedIssuer()) : null);
	}

}
