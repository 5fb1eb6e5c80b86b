package com.performanceos.platform.security;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CachingJwtDecoderTests {

	private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");

	private final List<String> verified = new ArrayList<>();

	private final AtomicReference<Instant> now = new AtomicReference<>(NOW);

	@Test
	void acceptedTokenIsVerifiedOnceWhileItIsValid() {
		CachingJwtDecoder decoder = decoder(Map.of("token-a", jwt("alice", NOW.plusSeconds(600))));

		Jwt first = decoder.decode("token-a").block();
		Jwt second = decoder.decode("token-a").block();

		assertThat(second).isSameAs(first);
		assertThat(verified).containsExactly("token-a");
	}

	@Test
	void refusedTokenIsVerifiedAgainEveryTime() {
		CachingJwtDecoder decoder = decoder(Map.of());

		assertThatThrownBy(() -> decoder.decode("forged").block()).isInstanceOf(BadJwtException.class);
		assertThatThrownBy(() -> decoder.decode("forged").block()).isInstanceOf(BadJwtException.class);

		assertThat(verified).containsExactly("forged", "forged");
	}

	@Test
	void rememberedTokenIsVerifiedAgainOnceItHasExpired() {
		CachingJwtDecoder decoder = decoder(Map.of("token-a", jwt("alice", NOW.plusSeconds(60))));
		decoder.decode("token-a").block();

		now.set(NOW.plusSeconds(60));

		decoder.decode("token-a").block();
		assertThat(verified).containsExactly("token-a", "token-a");
	}

	@Test
	void tokenAcceptedOnlyWithinTheClockSkewIsNeverRemembered() {
		CachingJwtDecoder decoder = decoder(Map.of("late", jwt("late", NOW.minusSeconds(10))));

		decoder.decode("late").block();
		decoder.decode("late").block();

		assertThat(verified).containsExactly("late", "late");
	}

	@Test
	void eachTokenIsRememberedForItself() {
		CachingJwtDecoder decoder = decoder(Map.of("token-a", jwt("alice", NOW.plusSeconds(600)), "token-b",
				jwt("bob", NOW.plusSeconds(600))));

		assertThat(decoder.decode("token-a").block().getSubject()).isEqualTo("alice");
		assertThat(decoder.decode("token-b").block().getSubject()).isEqualTo("bob");
		assertThat(decoder.decode("token-a").block().getSubject()).isEqualTo("alice");
		assertThat(decoder.decode("token-b").block().getSubject()).isEqualTo("bob");
		assertThat(verified).containsExactly("token-a", "token-b");
	}

	/** A verifier that knows these tokens and refuses every other, recording each call. */
	private CachingJwtDecoder decoder(Map<String, Jwt> valid) {
		ReactiveJwtDecoder verifier = token -> {
			verified.add(token);
			Jwt jwt = valid.get(token);
			return jwt != null ? Mono.just(jwt) : Mono.error(new BadJwtException("bad signature"));
		};
		Clock clock = new Clock() {

			@Override
			public ZoneOffset getZone() {
				return ZoneOffset.UTC;
			}

			@Override
			public Clock withZone(java.time.ZoneId zone) {
				return this;
			}

			@Override
			public Instant instant() {
				return now.get();
			}

		};
		return new CachingJwtDecoder(verifier, clock);
	}

	private static Jwt jwt(String subject, Instant expiresAt) {
		return Jwt.withTokenValue(subject + "-token")
			.header("alg", "RS256")
			.subject(subject)
			.claim("tenant", "acme")
			.issuedAt(expiresAt.minusSeconds(3600))
			.expiresAt(expiresAt)
			.build();
	}

}
