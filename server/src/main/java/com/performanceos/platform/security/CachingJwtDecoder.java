package com.performanceos.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Remembers tokens the verifying decoder accepted, keyed by the SHA-256 of the token, until the
 * token expires: a client sends the same token with every request, and an RS256 signature check
 * plus the claim parsing was ~5 % of a read request's CPU (bench/README.md, read path). Only
 * accepted tokens are kept (a refused one is checked again every time), the key is the hash of the
 * exact bytes (a token differing in one character is a different token), and an entry is never
 * answered at or after the token's {@code exp}, so nothing is accepted that the delegate would
 * refuse, except a token whose signing key was withdrawn from the JWK set, for at most
 * {@link #RECHECK_AFTER}.
 */
final class CachingJwtDecoder implements ReactiveJwtDecoder {

	/** Distinct tokens remembered: a few kilobytes each, so at most some tens of megabytes. */
	static final int MAX_TOKENS = 10_000;

	/**
	 * The longest a token is trusted without checking its signature again, whatever its lifetime: a
	 * provider that withdraws a key from its JWK set is heeded within this time.
	 */
	static final Duration RECHECK_AFTER = Duration.ofMinutes(5);

	private final ReactiveJwtDecoder delegate;

	private final Clock clock;

	private final Cache<String, Jwt> accepted;

	CachingJwtDecoder(ReactiveJwtDecoder delegate, Clock clock) {
		this.delegate = delegate;
		this.clock = clock;
		this.accepted = Caffeine.newBuilder()
			.maximumSize(MAX_TOKENS)
			.expireAfter(Expiry.<String, Jwt>creating((key, jwt) -> remembered(jwt)))
			.build();
	}

	@Override
	public Mono<Jwt> decode(String token) throws JwtException {
		String key = sha256(token);
		Jwt known = accepted.getIfPresent(key);
		if (known != null && usable(known)) {
			return Mono.just(known);
		}
		return delegate.decode(token).doOnNext(jwt -> {
			if (usable(jwt)) {
				accepted.put(key, jwt);
			}
		});
	}

	/** How long an accepted token may be answered from memory (Caffeine's own clock, for eviction). */
	private Duration remembered(Jwt jwt) {
		Instant expiresAt = jwt.getExpiresAt();
		if (expiresAt == null) {
			return Duration.ZERO;
		}
		Duration remaining = Duration.between(clock.instant(), expiresAt);
		return remaining.compareTo(RECHECK_AFTER) < 0 ? remaining : RECHECK_AFTER;
	}

	/**
	 * Strictly before {@code exp} by the server's clock: the delegate's clock skew is not extended to
	 * remembered tokens, so a token the delegate accepted within its skew is checked again each time.
	 */
	private boolean usable(Jwt jwt) {
		Instant expiresAt = jwt.getExpiresAt();
		return expiresAt != null && clock.instant().isBefore(expiresAt);
	}

	private static String sha256(String token) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java platform", ex);
		}
	}

}
