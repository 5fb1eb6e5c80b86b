package com.performanceos.platform.events;

import java.util.ArrayList;
import java.util.List;

/**
 * What became of the events of one claimed batch: delivered, parked (refused for good, one by one) or to be retried
 * (a part that failed transiently, with its error).
 *
 * @param delivered the events the sink took
 * @param parked the events the sink refused for a permanent reason
 * @param retried the parts that failed transiently
 */
record Outcome(List<DomainEvent> delivered, List<Parked> parked, List<Retried> retried) {

	static final Outcome NONE = new Outcome(List.of(), List.of(), List.of());

	static Outcome delivered(List<DomainEvent> events) {
		return new Outcome(List.copyOf(events), List.of(), List.of());
	}

	static Outcome parked(DomainEvent event, Throwable error) {
		return new Outcome(List.of(), List.of(new Parked(event, error)), List.of());
	}

	static Outcome retried(List<DomainEvent> events, Throwable error) {
		return new Outcome(List.of(), List.of(), List.of(new Retried(List.copyOf(events), error)));
	}

	Outcome plus(Outcome other) {
		return new Outcome(concat(delivered, other.delivered), concat(parked, other.parked), concat(retried, other.retried));
	}

	/** The deliveries this outcome removes from the relay's way: taken or parked. */
	int settled() {
		return delivered.size() + parked.size();
	}

	private static <T> List<T> concat(List<T> first, List<T> second) {
		List<T> all = new ArrayList<>(first.size() + second.size());
		all.addAll(first);
		all.addAll(second);
		return List.copyOf(all);
	}

	/** An event refused for good, and why. */
	record Parked(DomainEvent event, Throwable error) {
	}

	/** A part of the batch that failed transiently, and the error. */
	record Retried(List<DomainEvent> events, Throwable error) {
	}

}
