package com.performanceos.platform.events;

import java.util.Set;

/**
 * A component whose live subscriptions read {@link EventStream}, and the event types they read.
 * Only these types travel on the cross-instance fan-out: the others (a bulk posting's multi-megabyte
 * event, for one) would be published to every instance and parsed there for no subscriber.
 */
public interface LiveEventConsumer {

	/** The event types this component's subscriptions ask {@link EventStream#events} for. */
	Set<String> liveEventTypes();

}
