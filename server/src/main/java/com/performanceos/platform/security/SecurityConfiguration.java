package com.performanceos.platform.security;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
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
				// Status only without a token (load balancers, container health checks); the details
				// (disk path, Redis version) need ADMIN (management.endpoint.health.roles), and so do
				// metrics, which name exception classes and paths.
				.pathMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**", "/actuator/info")
				.permitAll()
				.pathMatchers("/actuator/**")
				.hasRole(Role.ADMIN.name())
				.anyExchange()
				.authenticated())
			.exceptionHandling(handling -> handling.authenticationEntryPoint(entryPoint))
			.oauth2ResourceServer(oauth -> oauth.authenticationEntryPoint(entryPoint)
				.jwt(jwt -> jwt.jwtAuthenticationConverter(converter)))
			.build();
	}

	/** Picked up by Spring Security's filter chain proxy for requests its firewall refuses. */
	@Bean
	RejectedRequestHandler rejectedRequestHandler() {
		return new RejectedRequestHandler();
	}

	@Bean
	JwtViewerConverter jwtViewerConverter(SecurityProperties properties) {
		return new JwtViewerConverter(properties);
	}

	/**
	 * The verifying decoder behind a cache of the tokens it accepted ({@link CachingJwtDecoder}): HTTP
	 * requests and WebSocket connections alike check a token's signature once per few minutes.
	 */
	@Bean
	ReactiveJwtDecoder reactiveJwtDecoder(SecurityProperties properties, EmbeddedIssuerHolder embedded) {
		return new CachingJwtDecoder(verifyingDecoder(properties, embedded), Clock.systemUTC());
	}

	private static ReactiveJwtDecoder verifyingDecoder(SecurityProperties properties, EmbeddedIssuerHolder embedded) {
		if (embedded.issuer().isPresent()) {
			EmbeddedIssuer issuer = embedded.issuer().get();
			NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withPublicKey(issuer.publicKey()).build();
			decoder.setJwtValidator(validator(properties, issuer.issuer(), null));
			return decoder;
		}
		if (properties.jwkSetUri() != null && !properties.jwkSetUri().isBlank()) {
			NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwkSetUri()).build();
			decoder.setJwtValidator(validator(properties, properties.issuerUri(), properties.audience()));
			return decoder;
		}
		// Discovery checks that the provider's metadata names the configured issuer; the validator
		// then checks every token's issuer claim against it.
		NimbusReactiveJwtDecoder decoder = ReactiveJwtDecoders.fromIssuerLocation(properties.issuerUri());
		decoder.setJwtValidator(validator(properties, properties.issuerUri(), properties.audience()));
		return decoder;
	}

	/**
	 * Spring's defaults (token type, certificate thumbprint) with the configured clock skew instead
	 * of the fixed 60 seconds, an {@code exp} claim required (a token without one would be valid
	 * forever, and a WebSocket session could never be closed at its expiry), the issuer check when
	 * an issuer is known and the audience check when one is configured.
	 */
	static OAuth2TokenValidator<Jwt> validator(SecurityProperties properties, @Nullable String issuer,
			@Nullable String audience) {
		List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
		JwtTimestampValidator timestamps = new JwtTimestampValidator(properties.clockSkew());
		timestamps.setAllowEmptyExpiryClaim(false);
		validators.add(timestamps);
		if (issuer != null && !issuer.isBlank()) {
			validators.add(new JwtIssuerValidator(issuer));
		}
		if (audience != null && !audience.isBlank()) {
			validators.add(new JwtAudienceValidator(audience));
		}
		return JwtValidators.createDefaultWithValidators(validators);
	}

	@Bean
	EmbeddedIssuerHolder embeddedIssuerHolder(SecurityProperties properties) {
		return new EmbeddedIssuerHolder(properties.usesEmbeddedIssuer()
				? EmbeddedIssuer.loadOrCreate(properties.embeddedKeyPath(), properties.embeddedIssuer()) : null);
	}

}
