package com.performanceos.platform.events;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The relay's meters, tagged by sink. The gauges read values the relay refreshes from the database on its own
 * schedule, so a scrape never waits for a query.
 */
final class OutboxMetrics {

	private final Map<String, SinkMeters> sinks = new LinkedHashMap<>();

	OutboxMetrics(MeterRegistry registry, Collection<String> sinkNames) {
		for (String sink : sinkNames) {
			sinks.put(sink, new SinkMeters(registry, sink));
		}
	}

	void delivered(String sink, int events) {
		meters(sink).delivered.increment(events);
	}

	void failed(String sink, int events) {
		meters(sink).failed.increment(events);
	}

	void parked(String sink, int events) {
		meters(sink).parked.increment(events);
	}

	/** Replaces the parked gauges; sinks absent from {@code parked} have nothing parked. */
	void refreshParked(Iterable<OutboxDeliveries.Parked> parked) {
		Set<String> seen = new HashSet<>();
		for (OutboxDeliveries.Parked entry : parked) {
			SinkMeters meters = sinks.get(entry.sink());
			if (meters != null) {
				meters.parkedNow.set(entry.parked());
				seen.add(entry.sink());
			}
		}
		sinks.forEach((sink, meters) -> {
			if (!seen.contains(sink)) {
				meters.parkedNow.set(0);
			}
		});
	}

	/** Replaces every gauge value; sinks absent from {@code backlogs} have nothing pending. */
	void refresh(Iterable<OutboxDeliveries.Backlog> backlogs) {
		Set<String> seen = new HashSet<>();
		for (OutboxDeliveries.Backlog backlog : backlogs) {
			SinkMeters meters = sinks.get(backlog.sink());
			// Rows of a sink this instance does not run (an older or newer version's) are not ours to report.
			if (meters != null) {
				meters.pending.set(backlog.pending());
				meters.lagMillis.set(Math.round(backlog.lagSeconds() * 1000));
				seen.add(backlog.sink());
			}
		}
		sinks.forEach((sink, meters) -> {
			if (!seen.contains(sink)) {
				meters.pending.set(0);
				meters.lagMillis.set(0);
			}
		});
	}

	private SinkMeters meters(String sink) {
		SinkMeters meters = sinks.get(sink);
		if (meters == null) {
			throw new IllegalArgumentException("No meters for sink '" + sink + "'");
		}
		return meters;
	}

	/** The meters of one sink; the gauges hold these atomics strongly through this object. */
	private static final class SinkMeters {

		final AtomicLong pending = new AtomicLong();

		final AtomicLong lagMillis = new AtomicLong();

		final AtomicLong parkedNow = new AtomicLong();

		final Counter delivered;

		final Counter failed;

		final Counter parked;

		SinkMeters(MeterRegistry registry, String sink) {
			Gauge.builder("outbox.pending", pending, AtomicLong::get)
				.tag("sink", sink)
				.description("Outbox deliveries not yet acknowledged by the sink")
				.register(registry);
			Gauge.builder("outbox.lag.seconds", lagMillis, millis -> millis.get() / 1000.0)
				.tag("sink", sink)
				.description("Age of the oldest outbox delivery still pending for the sink")
				.baseUnit("seconds")
				.register(registry);
			delivered = Counter.builder("outbox.delivered")
				.tag("sink", sink)
				.description("Outbox events the sink acknowledged")
				.register(registry);
			failed = Counter.builder("outbox.failed")
				.tag("sink", sink)
				.description("Outbox event deliveries that failed and were scheduled for a retry")
				.register(registry);
			parked = Counter.builder("outbox.parked")
				.tag("sink", sink)
				.description("Outbox events the sink refused for a permanent reason, parked until replayed")
				.register(registry);
			Gauge.builder("outbox.parked.current", parkedNow, AtomicLong::get)
				.tag("sink", sink)
				.description("Outbox events parked for the sink and not replayed yet, all tenants together")
				.register(registry);
		}

	}

}
