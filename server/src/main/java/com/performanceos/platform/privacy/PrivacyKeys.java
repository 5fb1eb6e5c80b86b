package com.performanceos.platform.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import org.jspecify.annotations.Nullable;

/** Loads a 32-byte key from configuration, or from a file it creates once with owner-only access. */
final class PrivacyKeys {

	static final int KEY_BYTES = 32;

	private PrivacyKeys() {
	}

	static byte[] load(@Nullable String configured, Path directory, String fileName) {
		if (configured != null && !configured.isBlank()) {
			return decode(configured.strip(), "configured " + fileName);
		}
		Path file = directory.resolve(fileName);
		try {
			if (!Files.exists(file)) {
				Files.createDirectories(directory);
				byte[] key = new byte[KEY_BYTES];
				new SecureRandom().nextBytes(key);
				Path temporary = directory.resolve(fileName + ".tmp");
				Files.writeString(temporary, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII);
				try {
					Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
				}
				catch (UnsupportedOperationException ex) {
					// Not a POSIX file system: the key keeps the directory's default permissions.
				}
				Files.move(temporary, file);
			}
			return decode(Files.readString(file, StandardCharsets.US_ASCII).strip(), file.toString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create the key " + file, ex);
		}
	}

	private static byte[] decode(String base64, String origin) {
		byte[] key;
		try {
			key = Base64.getDecoder().decode(base64);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("The key in " + origin + " is not base64", ex);
		}
		if (key.length != KEY_BYTES) {
			throw new IllegalStateException("The key in " + origin + " must be " + KEY_BYTES + " bytes, got " + key.length);
		}
		return key;
	}

}
