package com.performanceos.platform.events;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How the outbox reaches its sinks.
 *
 * @param relay the relay that delivers pending outbox events
 */
@ConfigurationProperties("performanceos.events")
record EventsProperties(@DefaultValue Relay relay) {

	/**
	 * The outbox relay. Every instance runs one; they share the work through row locks.
	 *
	 * @param batchSize the most deliveries one sink takes in one transaction
	 * @param batchBytes the most payload one sink takes in one transaction, counted before each event: the first
	 * event is taken however large, the others only while the batch is under this size (a bulk posting's event is
	 * several megabytes, and a batch of them would otherwise be held in memory at once)
	 * @param pollInterval how often each sink looks for due deliveries when it has caught up; it bounds how late a
	 * committed event reaches subscribers
	 * @param initialBackoff the wait before retrying a delivery that failed once; it doubles with each failure
	 * @param maxBackoff the longest wait between two attempts of one delivery
	 * @param deliveryTimeout how long a sink may take to accept one batch before the attempt counts as failed, which
	 * also bounds how long a batch's row locks are held
	 * @param shutdownDrainTimeout how long the last delivery pass at shutdown may take; what it does not deliver stays
	 * pending for the next start or another instance
	 * @param metricsRefreshInterval how often the lag and pending gauges are recomputed from the database
	 */
	record Relay(@DefaultValue("500") int batchSize, @DefaultValue("16MB") DataSize batchBytes,
			@DefaultValue("100ms") Duration pollInterval, @DefaultValue("1s") Duration initialBackoff,
			@DefaultValue("60s") Duration maxBackoff, @DefaultValue("30s") Duration deliveryTimeout,
			@DefaultValue("10s") Duration shutdownDrainTimeout,
			@DefaultValue("1s") Duration metricsRefreshInterval) {

		/** Above this a batch's single transaction holds too many locks and too much memory. */
		static final int BATCH_SIZE_MAX = 10_000;

		Relay {
			if (batchSize < 1 || batchSize > BATCH_SIZE_MAX) {
				throw new IllegalArgumentException(
						"performanceos.events.relay.batch-size must be 1 to " + BATCH_SIZE_MAX + ", got " + batchSize);
			}
			if (batchBytes.toBytes() < 1) {
				throw new IllegalArgumentException("performanceos.events.relay.batch-bytes must be positive");
			}
			requirePositive(pollInterval, "poll-interval");
			requirePositive(initialBackoff, "initial-backoff");
			requirePositive(deliveryTimeout, "delivery-timeout");
			requirePositive(shutdownDrainTimeout, "shutdown-drain-timeout");
			requirePositive(metricsRefreshInterval, "metrics-refresh-interval");
			if (maxBackoff.compareTo(initialBackoff) < 0) {
				throw new IllegalArgumentException("performanceos.events.relay.max-backoff must not be shorter than "
						+ "initial-backoff");
			}
		}

		private static void requirePositive(Duration value, String name) {
			if (value.isNegative() || value.isZero()) {
				throw new IllegalArgumentException("performanceos.events.relay." + name + " must be positive");
			}
		}

	}

}
