package com.performanceos.platform.security;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/** The embedded issuer when the server issues its own tokens; empty when an OIDC provider does. */
public final class EmbeddedIssuerHolder {

	private final @Nullable EmbeddedIssuer issuer;

	EmbeddedIssuerHolder(@Nullable EmbeddedIssuer issuer) {
		this.issuer = issuer;
	}

	public Optional<EmbeddedIssuer> issuer() {
		return Optional.ofNullable(issuer);
	}

}
