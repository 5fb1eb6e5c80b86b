package com.performanceos.platform.mutations;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import com.performanceos.platform.audit.AuditTrail;
import com.performanceos.platform.idempotency.IdempotencyKeys;
import com.performanceos.platform.idempotency.IdempotencyKeys.Claim;
import com.performanceos.platform.tenancy.TenantDatabase;
import com.performanceos.platform.tenancy.TenantTransaction;

/**
 * Runs a mutation's work in the tenant's transaction and owns everything around it: the
 * idempotency claim and its three outcomes (a fresh key runs the work, a replay reads the original
 * result, a key used with another input is a conflict), the completion of the key, the audit
 * record and the rollback of a refused outcome. A mutation therefore writes only its checks and
 * its work; its input validation reports a bad key with {@link IdempotencyKeys#problem}.
 */
@Component
public final class Mutations {

	private final TenantDatabase database;

	private final IdempotencyKeys idempotencyKeys;

	private final AuditTrail auditTrail;

	Mutations(TenantDatabase database, IdempotencyKeys idempotencyKeys, AuditTrail auditTrail) {
		this.database = database;
		this.idempotencyKeys = idempotencyKeys;
		this.auditTrail = auditTrail;
	}

	/**
	 * Runs an idempotent mutation: {@code work} runs only for a fresh key, and its committed outcome
	 * must name the result a replay receives. A conflict rolls back (the claim wrote nothing).
	 */
	public <P> Mono<P> idempotent(String tenant, Idempotency<P> request, Function<TenantTransaction, Mono<Outcome<P>>> work) {
		return run(tenant, tx -> idempotencyKeys.claim(tx, request.operation(), request.key(), request.fingerprint())
			.flatMap(claim -> switch (claim) {
				case Claim.Replay replay -> request.replay().apply(tx, replay.resultId())
					.map(payload -> (Outcome<P>) new Outcome.Committed<>(payload, null, null));
				case Claim.Conflict conflict -> Mono.just(Outcome.rejected(request.conflict().get()));
				case Claim.Fresh fresh -> work.apply(tx).flatMap(outcome -> switch (outcome) {
					case Outcome.Rejected<P> rejected -> Mono.just(outcome);
					case Outcome.Committed<P> committed -> idempotencyKeys
						.complete(tx, request.operation(), request.key(),
								Objects.requireNonNull(committed.resultId(), () -> request.operation() + " committed without a result id"))
						.then(audit(tx, committed))
						.thenReturn(outcome);
				});
			}));
	}

	/** Runs a mutation that takes no idempotency key (it is naturally idempotent or refuses a repeat). */
	public <P> Mono<P> once(String tenant, Function<TenantTransaction, Mono<Outcome<P>>> work) {
		return run(tenant, tx -> work.apply(tx).flatMap(outcome -> switch (outcome) {
			case Outcome.Rejected<P> rejected -> Mono.just(outcome);
			case Outcome.Committed<P> committed -> audit(tx, committed).thenReturn(outcome);
		}));
	}

	/**
	 * Answers the failed payload of the input's problems without opening a transaction, or runs the
	 * mutation when there are none: the input checks every mutation makes before the template.
	 */
	public static <E, P> Mono<P> unlessInvalid(List<E> problems, Function<List<E>, P> failed, Supplier<Mono<P>> mutation) {
		return problems.isEmpty() ? mutation.get() : Mono.just(failed.apply(problems));
	}

	private <P> Mono<P> run(String tenant, Function<TenantTransaction, Mono<Outcome<P>>> work) {
		return database.inTransaction(tenant, work, Outcome.Rejected.class::isInstance).map(Outcome::payload);
	}

	private Mono<Void> audit(TenantTransaction tx, Outcome.Committed<?> committed) {
		return committed.audit() == null ? Mono.empty() : auditTrail.record(tx, committed.audit());
	}

}
