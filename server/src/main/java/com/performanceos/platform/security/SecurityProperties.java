package com.performanceos.platform.security;

import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How callers are authenticated. With neither {@code issuerUri} nor {@code jwkSetUri} set, the
 * server issues its own tokens: it keeps a signing key in {@code embeddedKeyPath} and
 * {@code scripts/mint-token.sh} mints demo tokens with it.
 *
 * @param issuerUri the OIDC issuer whose tokens are accepted (production)
 * @param jwkSetUri the JWK set of the token issuer, when discovery is not wanted
 * @param tenantClaim the claim that carries the caller's tenant
 * @param rolesClaim the claim that carries the caller's roles; a dotted path walks into objects
 * (Keycloak puts realm roles at {@code realm_access.roles})
 * @param embeddedKeyPath the PKCS#8 PEM private key of the embedded issuer
 * @param embeddedIssuer the {@code iss} of embedded tokens
 * @param embeddedTokenLifetime how long a minted demo token stays valid
 * @param clockSkew how far a token's {@code exp} and {@code nbf} may be behind or ahead of the server
 * clock and still be accepted; every decoder (embedded issuer, JWK set, issuer discovery) applies it
 * @param audience when set, a token from the external issuer ({@code issuerUri} or {@code jwkSetUri})
 * is accepted only if its {@code aud} claim names this value, so a token the same provider issued
 * for another application is refused. Not applied to the embedded issuer, which mints for this
 * server alone.
 */
@ConfigurationProperties("performanceos.security")
public record SecurityProperties(@Nullable String issuerUri, @Nullable String jwkSetUri,
		@DefaultValue("tenant") String tenantClaim, @DefaultValue("roles") String rolesClaim,
		Path embeddedKeyPath,
		@DefaultValue("performanceos-embedded") String embeddedIssuer,
		@DefaultValue("12h") Duration embeddedTokenLifetime, @DefaultValue("60s") Duration clockSkew,
		@Nullable String audience) {

	public SecurityProperties {
		if (clockSkew.isNegative()) {
			throw new IllegalArgumentException("performanceos.security.clock-skew must not be negative");
		}
	}

	boolean usesEmbeddedIssuer() {
		return (issuerUri == null || issuerUri.isBlank()) && (jwkSetUri == null || jwkSetUri.isBlank());
	}

}
