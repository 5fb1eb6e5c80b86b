package com.performanceos.platform.privacy;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Keys of the privacy layer. In production both come from the environment (base64 of 32 random
 * bytes each, e.g. {@code openssl rand -base64 32}); when unset the server creates them once in
 * {@code keyDirectory} (the embedded default keeps it in the data directory).
 *
 * @param encryptionKey AES-256 key encrypting personal data at rest (IBANs)
 * @param hashingKey secret from which each tenant's hashing salt is derived
 * @param keyDirectory where generated keys are kept when the two above are unset
 */
@ConfigurationProperties("performanceos.privacy")
public record PrivacyProperties(@Nullable String encryptionKey, @Nullable String hashingKey, Path keyDirectory) {
}
