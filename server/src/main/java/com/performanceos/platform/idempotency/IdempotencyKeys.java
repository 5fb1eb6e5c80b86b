package com.performanceos.platform.idempotency;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import com.performanceos.platform.digest.Sha256;
import com.performanceos.platform.tenancy.TenantTransaction;

/**
 * Claims idempotency keys inside the caller's tenant transaction. The first claim of a key
 * stores the hash of its request; a later claim with the same hash is a replay (it receives the
 * original result id), with another hash a conflict. Concurrent claims of one key serialise on
 * its primary key, so exactly one of them performs the write.
 */
@Component
public final class IdempotencyKeys {

	/** Longest accepted key. */
	public static final int MAX_KEY_LENGTH = 200;

	/** The message of every mutation's {@code IDEMPOTENCY_CONFLICT} user error. */
	public static final String CONFLICT_MESSAGE = "This idempotency key was already used with a different input";

	/** The outcome of a claim. */
	public sealed interface Claim {

		/** The key is new: perform the write, then {@link IdempotencyKeys#complete} it. */
		record Fresh() implements Claim {
		}

		/** The same request was made before: answer with its result. */
		record Replay(UUID resultId) implements Claim {
		}

		/** The key was used with another payload. */
		record Conflict() implements Claim {
		}

	}

	/**
	 * Why a client's key is refused, as the message of an {@code INVALID_INPUT} user error on its
	 * {@code idempotencyKey} field; empty for an acceptable key. The one definition of a valid key.
	 */
	public static Optional<String> problem(String key) {
		if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
			return Optional.of("idempotencyKey must have 1 to " + MAX_KEY_LENGTH + " characters");
		}
		return Optional.empty();
	}

	/** Must run inside {@code TenantDatabase.inTransaction} of the tenant. */
	public Mono<Claim> claim(TenantTransaction tx, String operation, String key, String requestFingerprint) {
		String requestHash = Sha256.hex(requestFingerprint);
		return tx.db().sql("""
				INSERT INTO idempotency_key (tenant_id, operation, key, request_hash)
				VALUES (:tenant, :operation, :key, :hash)
				ON CONFLICT DO NOTHING
				RETURNING key""")
			.bind("tenant", tx.tenant())
			.bind("operation", operation)
			.bind("key", key)
			.bind("hash", requestHash)
			.map(row -> (Claim) new Claim.Fresh())
			.first()
			.switchIfEmpty(Mono.defer(() -> existing(tx, operation, key, requestHash)));
	}

	/** Records the result of a fresh claim, in the same transaction as the write. */
	public Mono<Void> complete(TenantTransaction tx, String operation, String key, UUID resultId) {
		return tx.db().sql("UPDATE idempotency_key SET result_id = :result WHERE tenant_id = :tenant AND operation = :operation AND key = :key")
			.bind("result", resultId)
			.bind("tenant", tx.tenant())
			.bind("operation", operation)
			.bind("key", key)
			.then();
	}

	private Mono<Claim> existing(TenantTransaction tx, String operation, String key, String requestHash) {
		return tx.db().sql("SELECT request_hash, result_id FROM idempotency_key WHERE tenant_id = :tenant AND operation = :operation AND key = :key")
			.bind("tenant", tx.tenant())
			.bind("operation", operation)
			.bind("key", key)
			.map(row -> {
				boolean sameRequest = requestHash.equals(row.get("request_hash", String.class));
				Optional<UUID> result = Optional.ofNullable(row.get("result_id", UUID.class));
				return sameRequest && result.isPresent() ? (Claim) new Claim.Replay(result.get()) : new Claim.Conflict();
			})
			.one();
	}

}
