package com.performanceos.contract;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Well-formed RS256 tokens signed by a key made here, which no issuer the server trusts has: what an
 * attacker or a misconfigured partner would send.
 */
final class ForeignTokens {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final KeyPair KEY = newKey();

	private ForeignTokens() {
	}

	/** An ADMIN of tenant acme according to {@code issuer}, valid for ten minutes, signed by the foreign key. */
	static String adminOfAcme(String issuer) {
		Instant now = Instant.now();
		Map<String, Object> claims = Map.of("iss", issuer, "sub", "mallory", "tenant", "acme", "realm_access",
				Map.of("roles", List.of("ADMIN")), "iat", now.getEpochSecond(), "exp", now.plusSeconds(600).getEpochSecond(),
				"jti", UUID.randomUUID().toString());
		return sign(Map.of("alg", "RS256", "typ", "JWT", "kid", "foreign-" + UUID.randomUUID()), claims);
	}

	private static String sign(Map<String, Object> header, Map<String, Object> claims) {
		try {
			String signingInput = base64Url(JSON.writeValueAsBytes(header)) + "." + base64Url(JSON.writeValueAsBytes(claims));
			Signature signature = Signature.getInstance("SHA256withRSA");
			signature.initSign(KEY.getPrivate());
			signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
			return signingInput + "." + base64Url(signature.sign());
		}
		catch (GeneralSecurityException | JsonProcessingException ex) {
			throw new IllegalStateException("Cannot sign a test token", ex);
		}
	}

	private static String base64Url(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static KeyPair newKey() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("RSA is part of every Java runtime", ex);
		}
	}

}
