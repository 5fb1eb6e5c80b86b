package com.performanceos.platform.events;

import java.util.List;

import reactor.core.publisher.Mono;

/**
 * A destination of outbox events (the analytics store, the cross-instance fan-out, cache
 * invalidation). Delivery is at least once: a sink must accept the same event twice and act on
 * it once. A failed delivery is retried later; nothing is dropped.
 *
 * <p>How a sink reports failure decides what the relay does. An error that a later attempt may not meet (the sink is
 * down, a timeout, a 5xx) is transient: the whole batch is retried with backoff. A {@link PermanentDeliveryFailure}
 * (or an error caused by one) says that some event of the batch can never be taken as it is: the relay then splits
 * the batch to find the refused events, delivers the others, and parks each refused event until it is replayed after
 * a fix. A sink therefore throws {@link PermanentDeliveryFailure} only for what is wrong with the data, never for its
 * own unavailability, and must take a part of a batch as it takes a whole one.
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

	/**
	 * Delivers a batch; completes once the sink has durably taken all of it, fails with a
	 * {@link PermanentDeliveryFailure} when some event of it can never be taken, with any other error otherwise.
	 */
	Mono<Void> deliver(List<DomainEvent> events);

}
