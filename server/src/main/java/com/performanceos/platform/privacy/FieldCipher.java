package com.performanceos.platform.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts personal data at rest with AES-256-GCM. Each value gets a fresh 96-bit nonce; the
 * tenant is bound as associated data, so a ciphertext copied into another tenant's row does not
 * decrypt. Stored form: {@code v1:} + base64(nonce || ciphertext || tag).
 */
public final class FieldCipher {

	private static final String VERSION = "v1:";

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final SecretKeySpec key;

	private final SecureRandom random = new SecureRandom();

	FieldCipher(byte[] key) {
		this.key = new SecretKeySpec(key, "AES");
	}

	public String encrypt(String tenant, String plaintext) {
		try {
			byte[] nonce = new byte[NONCE_BYTES];
			random.nextBytes(nonce);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(tenant.getBytes(StandardCharsets.UTF_8));
			byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
			return VERSION + Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is part of every Java runtime", ex);
		}
	}

	public String decrypt(String tenant, String stored) {
		if (!stored.startsWith(VERSION)) {
			throw new IllegalArgumentException("Not a value encrypted by this server");
		}
		try {
			byte[] bytes = Base64.getDecoder().decode(stored.substring(VERSION.length()));
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
			cipher.updateAAD(tenant.getBytes(StandardCharsets.UTF_8));
			return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalStateException("Cannot decrypt: wrong key, wrong tenant or altered value", ex);
		}
	}

}
