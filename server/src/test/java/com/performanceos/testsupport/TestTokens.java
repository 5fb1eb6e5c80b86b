package com.performanceos.testsupport;

import java.time.Duration;
import java.util.List;

import com.performanceos.platform.security.EmbeddedIssuer;
import com.performanceos.platform.security.Role;

/** Mints tokens with the embedded issuer's key of the test data directory, as scripts/mint-token.sh does. */
public final class TestTokens {

	private final EmbeddedIssuer issuer;

	public TestTokens(EmbeddedIssuer issuer) {
		this.issuer = issuer;
	}

	public String token(String tenant, Role... roles) {
		return issuer.mint("user-" + tenant, tenant, List.of(roles), Duration.ofMinutes(30));
	}

	public String token(String subject, String tenant, Role... roles) {
		return issuer.mint(subject, tenant, List.of(roles), Duration.ofMinutes(30));
	}

	public EmbeddedIssuer issuer() {
		return issuer;
	}

}
