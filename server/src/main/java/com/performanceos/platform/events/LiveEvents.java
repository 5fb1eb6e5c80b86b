package com.performanceos.platform.events;

import reactor.core.publisher.Mono;

/**
 * Publishes transient events straight onto the cross-instance fan-out, bypassing the outbox: for
 * states that are superseded a moment later (job progress), where losing one is harmless and
 * writing each to PostgreSQL would cost more than the work it reports. Anything that must not be
 * lost goes through {@link Outbox} instead.
 */
public interface LiveEvents {

	/** Hands the event to every instance's subscribers of its tenant and type; fire-and-forget. */
	Mono<Void> publishLive(DomainEvent event);

}
