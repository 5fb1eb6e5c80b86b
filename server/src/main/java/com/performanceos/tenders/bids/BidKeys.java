package com.performanceos.tenders.bids;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import com.performanceos.platform.privacy.FieldCipher;
import com.performanceos.platform.tenancy.TenantTransaction;
import com.performanceos.tenders.procurement.BidSealingKeys;

/**
 * The key pair of a tender's bids (ADR 0010). Sealing needs only the public half, so the server can
 * accept bids without being able to read them; the private half is stored encrypted with the server's
 * field key and unwrapped only by {@link #release}, which refuses before the deadline by the database
 * clock. A bid is sealed as RSA-OAEP(SHA-256) of a fresh AES-256 key, then AES-GCM of the content with
 * the bid's identity as associated data, so a sealed content moved to another bid does not open.
 */
@Component
public final class BidKeys implements BidSealingKeys {

	private static final String VERSION = "v1:";

	private static final int RSA_BITS = 3072;

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final OAEPParameterSpec OAEP = new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256,
			PSource.PSpecified.DEFAULT);

	private final FieldCipher cipher;

	private final SecureRandom random = new SecureRandom();

	BidKeys(FieldCipher cipher) {
		this.cipher = cipher;
	}

	@Override
	public Mono<String> create(TenantTransaction tx, UUID tenderKey) {
		// Generating an RSA key takes a few hundred milliseconds of CPU: never on an event-loop thread.
		return Mono.fromCallable(this::generate).subscribeOn(Schedulers.boundedElastic()).flatMap(pair -> store(tx, tenderKey, pair));
	}

	private Mono<String> store(TenantTransaction tx, UUID tenderKey, KeyPair pair) {
		String sealedPrivate = cipher.encrypt(tx.tenant() + "/" + tenderKey, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
		return tx.db().sql("INSERT INTO tenders_tender_key (tenant_id, tender_id, private_key_sealed) VALUES (:tenant, :tender, :sealed)")
			.bind("tenant", tx.tenant())
			.bind("tender", tenderKey)
			.bind("sealed", sealedPrivate)
			.then()
			.thenReturn(Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
	}

	/**
	 * The private key of a tender of the transaction's tenant, once its deadline has passed by the
	 * database's clock; empty before (or for another tenant's tender, whose row is invisible).
	 */
	Mono<PrivateKey> release(TenantTransaction tx, UUID tenderKey, Instant deadline) {
		return tx.db().sql("SELECT private_key_sealed FROM tenders_tender_key WHERE tender_id = :tender AND clock_timestamp() >= :deadline")
			.bind("tender", tenderKey)
			.bind("deadline", deadline.atOffset(java.time.ZoneOffset.UTC))
			.map(row -> row.get("private_key_sealed", String.class))
			.one()
			.map(sealed -> privateKey(cipher.decrypt(tx.tenant() + "/" + tenderKey, sealed)));
	}

	/** Seals a bid's content with the tender's public key; {@code bidIdentity} must be given again to open it. */
	String seal(String publicKey, String bidIdentity, String content) {
		try {
			SecretKey contentKey = contentKey();
			Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPPadding");
			rsa.init(Cipher.ENCRYPT_MODE, publicKey(publicKey), OAEP);
			byte[] wrapped = rsa.doFinal(contentKey.getEncoded());
			byte[] nonce = new byte[NONCE_BYTES];
			random.nextBytes(nonce);
			Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
			aes.init(Cipher.ENCRYPT_MODE, contentKey, new GCMParameterSpec(TAG_BITS, nonce));
			aes.updateAAD(bidIdentity.getBytes(StandardCharsets.UTF_8));
			byte[] sealed = aes.doFinal(content.getBytes(StandardCharsets.UTF_8));
			ByteBuffer out = ByteBuffer.allocate(2 + wrapped.length + nonce.length + sealed.length);
			out.putShort((short) wrapped.length).put(wrapped).put(nonce).put(sealed);
			return VERSION + Base64.getEncoder().encodeToString(out.array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("RSA-OAEP and AES-GCM are part of every Java runtime", ex);
		}
	}

	/** Opens what {@link #seal} sealed. */
	String open(PrivateKey privateKey, String bidIdentity, String stored) {
		if (!stored.startsWith(VERSION)) {
			throw new IllegalArgumentException("Not a bid sealed by this server");
		}
		try {
			ByteBuffer in = ByteBuffer.wrap(Base64.getDecoder().decode(stored.substring(VERSION.length())));
			byte[] wrapped = new byte[in.getShort()];
			in.get(wrapped);
			byte[] nonce = new byte[NONCE_BYTES];
			in.get(nonce);
			byte[] sealed = new byte[in.remaining()];
			in.get(sealed);
			Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPPadding");
			rsa.init(Cipher.DECRYPT_MODE, privateKey, OAEP);
			SecretKey contentKey = new SecretKeySpec(rsa.doFinal(wrapped), "AES");
			Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
			aes.init(Cipher.DECRYPT_MODE, contentKey, new GCMParameterSpec(TAG_BITS, nonce));
			aes.updateAAD(bidIdentity.getBytes(StandardCharsets.UTF_8));
			return new String(aes.doFinal(sealed), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot open the bid: wrong key or altered content", ex);
		}
	}

	private KeyPair generate() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(RSA_BITS, random);
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("RSA is part of every Java runtime", ex);
		}
	}

	private SecretKey contentKey() throws GeneralSecurityException {
		KeyGenerator generator = KeyGenerator.getInstance("AES");
		generator.init(256, random);
		return generator.generateKey();
	}

	private static PublicKey publicKey(String base64) throws GeneralSecurityException {
		return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
	}

	private static PrivateKey privateKey(String base64) {
		try {
			return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("A stored tender key is not an RSA private key", ex);
		}
	}

}
