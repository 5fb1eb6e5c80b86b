package com.performanceos.platform.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * The token issuer of the embedded default: an RSA key kept in the data directory (created on
 * first start, readable by its owner only) so that tokens survive restarts and
 * {@code scripts/mint-token.sh} can sign with the same key using openssl alone.
 */
public final class EmbeddedIssuer {

	private static final int KEY_SIZE_BITS = 2048;

	private final RSAPrivateCrtKey privateKey;

	private final RSAPublicKey publicKey;

	private final String issuer;

	private EmbeddedIssuer(RSAPrivateCrtKey privateKey, String issuer) throws GeneralSecurityException {
		this.privateKey = privateKey;
		this.publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
			.generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
		this.issuer = issuer;
	}

	/** Loads the key at {@code keyPath}, creating it first when it does not exist. */
	public static EmbeddedIssuer loadOrCreate(Path keyPath, String issuer) {
		try {
			if (!Files.exists(keyPath)) {
				writeNewKey(keyPath);
			}
			String pem = Files.readString(keyPath, StandardCharsets.US_ASCII);
			String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
			var spec = new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64));
			return new EmbeddedIssuer((RSAPrivateCrtKey) KeyFactory.getInstance("RSA").generatePrivate(spec), issuer);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create the embedded signing key " + keyPath, ex);
		}
		catch (GeneralSecurityException | ClassCastException ex) {
			throw new IllegalStateException("The embedded signing key " + keyPath
					+ " is not an RSA PKCS#8 PEM key; delete it to have a new one created", ex);
		}
	}

	private static void writeNewKey(Path keyPath) throws IOException, GeneralSecurityException {
		Files.createDirectories(keyPath.toAbsolutePath().getParent());
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(KEY_SIZE_BITS);
		byte[] encoded = generator.generateKeyPair().getPrivate().getEncoded();
		String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(encoded)
				+ "\n-----END PRIVATE KEY-----\n";
		Path temporary = keyPath.resolveSibling(keyPath.getFileName() + ".tmp");
		Files.writeString(temporary, pem, StandardCharsets.US_ASCII);
		try {
			Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException ex) {
			// Not a POSIX file system: the key stays with the directory's default permissions.
		}
		Files.move(temporary, keyPath);
	}

	public RSAPublicKey publicKey() {
		return publicKey;
	}

	public String issuer() {
		return issuer;
	}

	/** Signs a token for a subject of a tenant with the given roles. */
	public String mint(String subject, String tenant, Collection<Role> roles, Duration lifetime) {
		Instant now = Instant.now();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer)
			.subject(subject)
			.jwtID(UUID.randomUUID().toString())
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(lifetime)))
			.claim("tenant", tenant)
			.claim("roles", roles.stream().map(Role::name).toList())
			.build();
		return sign(claims);
	}

	/** Signs arbitrary claims; tests use it to build expired or malformed tokens. */
	public String sign(JWTClaimsSet claims) {
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).build(), claims);
			jwt.sign(new RSASSASigner(privateKey));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot sign a token", ex);
		}
	}


}
