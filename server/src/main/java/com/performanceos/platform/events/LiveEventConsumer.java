package com.performanceos.platform.events;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * A component whose live subscriptions read {@link EventStream}, and the event types they read.
 * Only these types travel on the cross-instance fan-out: the others (a bulk posting's multi-megabyte
 * event, for one) would be published to every instance and parsed there for no subscriber.
 */
public interface LiveEventConsumer {

	/** The event records this component's subscriptions receive (through {@link EventCodec#received}). */
	default Set<Class<?>> liveEventRecords() {
		return Set.of();
	}

	/**
	 * The event types this component's subscriptions ask {@link EventStream#events} for: by default
	 * those of {@link #liveEventRecords()}, so a consumer names record classes, never type strings.
	 */
	default Set<String> liveEventTypes() {
		return liveEventRecords().stream().map(EventCodec::typeOf).collect(Collectors.toUnmodifiableSet());
	}

}
