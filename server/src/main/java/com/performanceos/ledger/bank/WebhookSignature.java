package com.performanceos.ledger.bank;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * Verifies the aggregator's webhook signature: {@code X-Signature: sha256=<hex>} where hex is the
 * HMAC-SHA256, under the shared secret, of {@code <X-Timestamp> "." <raw body>}. The timestamp (Unix
 * seconds) is inside the signed bytes on purpose: were it not, a replayer could refresh it and the
 * freshness check would stop nothing. Comparison is constant-time.
 */
final class WebhookSignature {

	static final String PREFIX = "sha256=";

	private final byte[] secret;

	private final Duration maxAge;

	WebhookSignature(String secret, Duration maxAge) {
		this.secret = secret.getBytes(StandardCharsets.UTF_8);
		this.maxAge = maxAge;
	}

	/** Why a delivery was refused; each becomes a metric tag and an audit reason. */
	enum Refusal {

		MISSING_SIGNATURE, MALFORMED_TIMESTAMP, STALE_TIMESTAMP, BAD_SIGNATURE

	}

	/** Null when the delivery is authentic and fresh, else why not. */
	@Nullable Refusal check(@Nullable String signatureHeader, @Nullable String timestampHeader, byte[] body, Instant now) {
		if (signatureHeader == null || timestampHeader == null || !signatureHeader.startsWith(PREFIX)) {
			return Refusal.MISSING_SIGNATURE;
		}
		long timestamp;
		try {
			timestamp = Long.parseLong(timestampHeader.strip());
		}
		catch (NumberFormatException ex) {
			return Refusal.MALFORMED_TIMESTAMP;
		}
		if (Math.abs(now.getEpochSecond() - timestamp) > maxAge.toSeconds()) {
			return Refusal.STALE_TIMESTAMP;
		}
		byte[] presented;
		try {
			presented = HexFormat.of().parseHex(signatureHeader.substring(PREFIX.length()).strip());
		}
		catch (IllegalArgumentException ex) {
			return Refusal.BAD_SIGNATURE;
		}
		return MessageDigest.isEqual(presented, sign(timestampHeader.strip(), body)) ? null : Refusal.BAD_SIGNATURE;
	}

	/** The header value for a body, as the aggregator (and the tests) compute it. */
	String header(String timestamp, byte[] body) {
		return PREFIX + HexFormat.of().formatHex(sign(timestamp, body));
	}

	private byte[] sign(String timestamp, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret, "HmacSHA256"));
			mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
			mac.update((byte) '.');
			return mac.doFinal(body);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA-256 is part of every Java runtime", ex);
		}
	}

}
