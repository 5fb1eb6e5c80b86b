package com.performanceos.ledger.receivables.escalation;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Escalation runs and their webhook notifications.
 *
 * @param scheduleEnabled whether every instance runs the escalations of every tenant on a schedule
 * @param scheduleInterval how often the scheduled run happens (as of today, UTC); it also retries the
 * pending notifications whose backoff has elapsed
 * @param tasksPerRunMax the most tasks one run creates in a tenant; the rest are created by the next run
 * @param notificationsPerRunMax the most notifications one run tries to deliver in a tenant
 * @param tenantsPerRunMax the most tenants one scheduled run visits
 * @param webhookTimeout how long a receiver may take to answer before the attempt counts as failed
 * @param initialBackoff the wait before a failed notification is retried by the schedule; it doubles
 * with each failure
 * @param maxBackoff the longest wait between two scheduled attempts; notifications are never dropped
 * @param circuitBreaker when to stop calling a failing receiver for a while
 */
@ConfigurationProperties("performanceos.ledger.receivables.escalation")
record EscalationProperties(@DefaultValue("true") boolean scheduleEnabled, @DefaultValue("15m") Duration scheduleInterval,
		@DefaultValue("1000") int tasksPerRunMax, @DefaultValue("200") int notificationsPerRunMax,
		@DefaultValue("1000") int tenantsPerRunMax, @DefaultValue("5s") Duration webhookTimeout,
		@DefaultValue("1m") Duration initialBackoff, @DefaultValue("6h") Duration maxBackoff,
		@DefaultValue CircuitBreaker circuitBreaker) {

	/** Above this one run's transaction holds too many rows and audit appends. */
	static final int PER_RUN_MAX = 10_000;

	EscalationProperties {
		requireBetween(tasksPerRunMax, "tasks-per-run-max");
		requireBetween(notificationsPerRunMax, "notifications-per-run-max");
		requireBetween(tenantsPerRunMax, "tenants-per-run-max");
		requirePositive(scheduleInterval, "schedule-interval");
		requirePositive(webhookTimeout, "webhook-timeout");
		requirePositive(initialBackoff, "initial-backoff");
		if (maxBackoff.compareTo(initialBackoff) < 0) {
			throw new IllegalArgumentException(PREFIX + "max-backoff must not be shorter than initial-backoff");
		}
	}

	private static final String PREFIX = "performanceos.ledger.receivables.escalation.";

	/**
	 * One circuit breaker per receiver host.
	 *
	 * @param failureRateThreshold the failure percentage (over the last {@code slidingWindowSize} calls) that opens it
	 * @param slidingWindowSize how many recent calls the rate is computed over
	 * @param minimumNumberOfCalls how many calls are needed before the rate counts
	 * @param waitInOpenState how long an open breaker refuses calls before letting a few through
	 */
	record CircuitBreaker(@DefaultValue("50") float failureRateThreshold, @DefaultValue("20") int slidingWindowSize,
			@DefaultValue("5") int minimumNumberOfCalls, @DefaultValue("60s") Duration waitInOpenState) {
	}

	private static void requireBetween(int value, String name) {
		if (value < 1 || value > PER_RUN_MAX) {
			throw new IllegalArgumentException(PREFIX + name + " must be 1 to " + PER_RUN_MAX + ", got " + value);
		}
	}

	private static void requirePositive(Duration value, String name) {
		if (value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException(PREFIX + name + " must be positive");
		}
	}

}
