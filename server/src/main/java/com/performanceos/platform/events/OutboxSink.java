package com.performanceos.platform.events;

import java.util.List;

import reactor.core.publisher.Mono;

/**
 * A destination of outbox events (the analytics store, the cross-instance fan-out, cache
 * invalidation). Delivery is at least once: a sink must accept the same event twice and act on
 * it once. A failed delivery is retried later; nothing is dropped.
 */
public interface OutboxSink {

	/** A stable name, stored with each pending delivery. */
	String name();

	/**
	 * Whether events of this type are for this sink at all; the outbox stores no delivery for a sink
	 * that does not accept the event's type. Every type, unless the sink says otherwise.
	 */
	default boolean accepts(String eventType) {
		return true;
	}

	/** Delivers a batch; completes once the sink has durably taken all of it. */
	Mono<Void> deliver(List<DomainEvent> events);

}
