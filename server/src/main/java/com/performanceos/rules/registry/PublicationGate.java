package com.performanceos.rules.registry;

import reactor.core.publisher.Mono;

import com.performanceos.platform.tenancy.TenantTransaction;

/**
 * A check that a module applying rules of its own kind adds to publication (commissions compare a new plan version's
 * payouts with the old one's before it pays anyone). The registry asks every gate, in order, after its own checks and
 * inside the publication's transaction; a refusal is answered as {@code PUBLICATION_BLOCKED} with the gate's sentence
 * and nothing is published. The registry knows nothing of what a gate checks.
 */
public interface PublicationGate {

	/**
	 * Why the version may not be published now, in a sentence naming what blocks it; empty when it may.
	 *
	 * @param tx the publication's transaction
	 * @param version the APPROVED version about to be published
	 * @param actor who publishes it
	 */
	Mono<String> refusal(TenantTransaction tx, RuleVersion version, String actor);

}
