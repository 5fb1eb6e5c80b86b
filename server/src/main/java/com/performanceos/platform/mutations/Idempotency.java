package com.performanceos.platform.mutations;

import java.util.Objects;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import reactor.core.publisher.Mono;

import com.performanceos.platform.idempotency.IdempotencyKeys;
import com.performanceos.platform.tenancy.TenantTransaction;

/**
 * How one idempotent request is recognised and answered again: the operation and client key it
 * claims, the fingerprint that makes two requests "the same", the payload for a key already used
 * with another input, and how to read the original result for a replay.
 *
 * @param <P> the mutation's payload type
 */
public record Idempotency<P>(String operation, String key, String fingerprint, Supplier<P> conflict,
		BiFunction<TenantTransaction, UUID, Mono<P>> replay) {

	public Idempotency {
		Objects.requireNonNull(operation, "operation");
		Objects.requireNonNull(fingerprint, "fingerprint");
		// The input checks report a bad key as a user error before the template runs; one here is a bug.
		if (IdempotencyKeys.problem(key).isPresent()) {
			throw new IllegalArgumentException("Unchecked idempotency key for " + operation);
		}
	}

}
