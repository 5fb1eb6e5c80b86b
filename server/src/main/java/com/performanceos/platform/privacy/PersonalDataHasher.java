package com.performanceos.platform.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a personal identifier into a stable pseudonym before it leaves the transactional store
 * (for the analytics store): HMAC-SHA-256 of the normalised value under a salt derived per tenant
 * from the server's hashing key. The same person hashes the same within a tenant, so analytics can
 * still group by it; across tenants the pseudonyms differ, and without the key none can be reversed
 * by hashing guesses.
 */
public final class PersonalDataHasher {

	private final byte[] hashingKey;

	PersonalDataHasher(byte[] hashingKey) {
		this.hashingKey = hashingKey.clone();
	}

	/** Hex pseudonym of {@code value} (trimmed, lower-cased) in {@code tenant}. */
	public String pseudonym(String tenant, String value) {
		byte[] tenantSalt = hmac(hashingKey, tenant);
		return HexFormat.of().formatHex(hmac(tenantSalt, value.strip().toLowerCase(Locale.ROOT)));
	}

	private static byte[] hmac(byte[] key, String value) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA-256 is part of every Java runtime", ex);
		}
	}

}
