package com.performanceos.platform.events;

import reactor.core.publisher.Flux;

/**
 * The live events of one tenant, as fanned out to this instance from every instance. It feeds
 * GraphQL subscriptions; it is not durable (the outbox is), so a subscriber sees the events that
 * happen while it is connected.
 */
public interface EventStream {

	/** Events of the given type in the given tenant, from now on. */
	Flux<DomainEvent> events(String tenant, String type);

}
