package com.performanceos.platform.digest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 as lower-case hex, the form every digest of the platform is stored, sent and compared in. */
public final class Sha256 {

	private Sha256() {
	}

	public static String hex(byte[] bytes) {
		return HexFormat.of().formatHex(newDigest().digest(bytes));
	}

	/** Of the text's UTF-8 bytes. */
	public static String hex(String text) {
		return hex(text.getBytes(StandardCharsets.UTF_8));
	}

	/** A fresh digest, for content hashed while it streams. */
	public static MessageDigest newDigest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

}
