package com.performanceos.platform.security;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecurityConfigurationTests {

	private static final String ISSUER = "performanceos-embedded";

	@TempDir
	Path directory;

	@Test
	void tokenExpiredWithinTheClockSkewIsAccepted() {
		EmbeddedIssuer issuer = EmbeddedIssuer.loadOrCreate(directory.resolve("key.pem"), ISSUER);
		String token = issuer.sign(expiredSecondsAgo(10));

		assertThat(decoder(issuer, Duration.ofSeconds(60)).decode(token).block().getSubject()).isEqualTo("late");
	}

	@Test
	void tokenExpiredBeyondTheClockSkewIsRefused() {
		EmbeddedIssuer issuer = EmbeddedIssuer.loadOrCreate(directory.resolve("key.pem"), ISSUER);
		String token = issuer.sign(expiredSecondsAgo(10));

		assertThatThrownBy(() -> decoder(issuer, Duration.ofSeconds(2)).decode(token).block())
			.isInstanceOf(JwtValidationException.class)
			.hasMessageContaining("expired");
	}

	@Test
	void tokenOfAnotherIssuerIsRefusedWhateverTheSkew() {
		EmbeddedIssuer issuer = EmbeddedIssuer.loadOrCreate(directory.resolve("key.pem"), ISSUER);
		String token = issuer.sign(new JWTClaimsSet.Builder().issuer("https://elsewhere.example").subject("mallory")
			.expirationTime(Date.from(Instant.now().plusSeconds(600))).build());

		assertThatThrownBy(() -> decoder(issuer, Duration.ofHours(1)).decode(token).block())
			.isInstanceOf(JwtValidationException.class);
	}

	@Test
	void tokenWithoutExpiryIsRefused() {
		EmbeddedIssuer issuer = EmbeddedIssuer.loadOrCreate(directory.resolve("key.pem"), ISSUER);
		String token = issuer.sign(new JWTClaimsSet.Builder().issuer(ISSUER).subject("forever").claim("tenant", "acme")
			.claim("roles", List.of("ADMIN")).issueTime(new Date()).build());

		assertThatThrownBy(() -> decoder(issuer, Duration.ofHours(1)).decode(token).block())
			.isInstanceOf(JwtValidationException.class)
			.hasMessageContaining("exp");
	}

	@Test
	void configuredAudienceMustBeNamedByTheToken() {
		var validator = SecurityConfiguration.validator(properties(Duration.ofSeconds(60)), ISSUER, "performance-os");
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(ISSUER).subject("aud").claim("tenant", "acme")
			.expirationTime(Date.from(Instant.now().plusSeconds(600)));
		EmbeddedIssuer issuer = EmbeddedIssuer.loadOrCreate(directory.resolve("key.pem"), ISSUER);
		var decoder = org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder.withPublicKey(issuer.publicKey()).build();
		decoder.setJwtValidator(validator);

		assertThat(decoder.decode(issuer.sign(claims.audience("performance-os").build())).block().getSubject()).isEqualTo("aud");
		assertThatThrownBy(() -> decoder.decode(issuer.sign(claims.audience("another-app").build())).block())
			.isInstanceOf(JwtValidationException.class);
		assertThatThrownBy(() -> decoder.decode(issuer.sign(claims.audience((String) null).build())).block())
			.isInstanceOf(JwtValidationException.class);
	}

	@Test
	void negativeClockSkewIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> properties(Duration.ofSeconds(-1)))
			.withMessageContaining("clock-skew");
	}

	private ReactiveJwtDecoder decoder(EmbeddedIssuer issuer, Duration clockSkew) {
		return new SecurityConfiguration().reactiveJwtDecoder(properties(clockSkew), new EmbeddedIssuerHolder(issuer));
	}

	private SecurityProperties properties(Duration clockSkew) {
		return new SecurityProperties(null, null, "tenant", "roles", directory.resolve("key.pem"), ISSUER,
				Duration.ofHours(12), clockSkew, null);
	}

	private static JWTClaimsSet expiredSecondsAgo(long seconds) {
		Instant expiry = Instant.now().minusSeconds(seconds);
		return new JWTClaimsSet.Builder().issuer(ISSUER).subject("late").claim("tenant", "acme")
			.claim("roles", List.of("ADMIN")).issueTime(Date.from(expiry.minusSeconds(60)))
			.expirationTime(Date.from(expiry)).build();
	}

}
