package com.performanceos.platform.mutations;

import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.performanceos.platform.audit.AuditEntry;

/**
 * What a mutation's work answers: its payload, and whether the transaction commits. A
 * {@link Rejected} outcome rolls the whole transaction back (idempotency claim included, so a
 * corrected retry with the same key starts afresh) and its payload carries the user errors.
 *
 * @param <P> the mutation's payload type
 */
public sealed interface Outcome<P> {

	/** The payload answered to the caller either way. */
	P payload();

	/**
	 * The work is done and commits. {@code resultId} is what a replay of the key receives (required
	 * for an idempotent mutation); {@code audit} is recorded in the same transaction.
	 */
	record Committed<P>(P payload, @Nullable UUID resultId, @Nullable AuditEntry audit) implements Outcome<P> {

		public Committed {
			Objects.requireNonNull(payload, "payload");
		}

	}

	/** The work was refused for a business reason: nothing of it is stored. */
	record Rejected<P>(P payload) implements Outcome<P> {

		public Rejected {
			Objects.requireNonNull(payload, "payload");
		}

	}

	/** Commits, answers {@code resultId} to later replays of the key and records {@code audit}. */
	static <P> Outcome<P> committed(P payload, UUID resultId, AuditEntry audit) {
		return new Committed<>(payload, resultId, audit);
	}

	/** Commits a mutation that takes no idempotency key, recording {@code audit}. */
	static <P> Outcome<P> committed(P payload, AuditEntry audit) {
		return new Committed<>(payload, null, audit);
	}

	/** Rolls back and answers {@code payload}. */
	static <P> Outcome<P> rejected(P payload) {
		return new Rejected<>(payload);
	}

}
