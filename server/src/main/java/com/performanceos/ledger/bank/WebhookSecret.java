package com.performanceos.ledger.bank;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import org.jspecify.annotations.Nullable;

/** The webhook's shared secret: configured, or created once in a file with owner-only access. */
final class WebhookSecret {

	private static final int GENERATED_BYTES = 32;

	private WebhookSecret() {
	}

	static String load(@Nullable String configured, Path file) {
		if (configured != null && !configured.isBlank()) {
			if (configured.strip().length() < BankAggregatorProperties.SECRET_LENGTH_MIN) {
				throw new IllegalStateException("performanceos.bank.aggregator.webhook-secret must have at least "
						+ BankAggregatorProperties.SECRET_LENGTH_MIN + " characters");
			}
			return configured.strip();
		}
		try {
			if (!Files.exists(file)) {
				Path directory = file.toAbsolutePath().getParent();
				Files.createDirectories(directory);
				byte[] secret = new byte[GENERATED_BYTES];
				new SecureRandom().nextBytes(secret);
				Path temporary = directory.resolve(file.getFileName() + ".tmp");
				Files.writeString(temporary, Base64.getEncoder().encodeToString(secret), StandardCharsets.US_ASCII);
				try {
					Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
				}
				catch (UnsupportedOperationException ex) {
					// Not a POSIX file system: the secret keeps the directory's default permissions.
				}
				Files.move(temporary, file);
			}
			String secret = Files.readString(file, StandardCharsets.US_ASCII).strip();
			if (secret.length() < BankAggregatorProperties.SECRET_LENGTH_MIN) {
				throw new IllegalStateException("The webhook secret in " + file + " is shorter than " + BankAggregatorProperties.SECRET_LENGTH_MIN);
			}
			return secret;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create the webhook secret " + file, ex);
		}
	}

}
