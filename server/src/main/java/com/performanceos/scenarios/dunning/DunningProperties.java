package com.performanceos.scenarios.dunning;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Dunning runs. The SMTP server itself is Spring Boot's {@code spring.mail.*} ({@code SPRING_MAIL_HOST},
 * {@code SPRING_MAIL_PORT}, {@code SPRING_MAIL_USERNAME}, {@code SPRING_MAIL_PASSWORD}); without a host
 * no reminder is sent and a run answers {@code MAIL_NOT_CONFIGURED}.
 *
 * @param from the sender address of every reminder
 * @param messagesPerRunMax the most invoices one run sends a message for in a tenant; the rest go with the next run
 * @param sendConcurrency how many messages one run hands to the SMTP server at the same time
 * @param scheduleEnabled whether every instance runs the dunning of every tenant with a cadence on a schedule (as of
 * today, UTC); claims are unique per invoice and step, so instances do not send a message twice
 * @param scheduleInterval how often the scheduled run happens
 * @param tenantsPerRunMax the most tenants one scheduled run visits
 */
@ConfigurationProperties("performanceos.scenarios.dunning")
record DunningProperties(@DefaultValue("dunning@performance-os.invalid") String from, @DefaultValue("500") int messagesPerRunMax,
		@DefaultValue("4") int sendConcurrency, @DefaultValue("true") boolean scheduleEnabled, @DefaultValue("1h") Duration scheduleInterval,
		@DefaultValue("1000") int tenantsPerRunMax) {

	/** Above this one run's claim transaction holds too many rows. */
	static final int PER_RUN_MAX = 10_000;

	static final int CONCURRENCY_MAX = 32;

	static final int TENANTS_PER_RUN_MAX = 100_000;

	DunningProperties {
		if (from.isBlank()) {
			throw new IllegalArgumentException("performanceos.scenarios.dunning.from must be an address");
		}
		if (messagesPerRunMax < 1 || messagesPerRunMax > PER_RUN_MAX) {
			throw new IllegalArgumentException("performanceos.scenarios.dunning.messages-per-run-max must be 1 to " + PER_RUN_MAX);
		}
		if (sendConcurrency < 1 || sendConcurrency > CONCURRENCY_MAX) {
			throw new IllegalArgumentException("performanceos.scenarios.dunning.send-concurrency must be 1 to " + CONCURRENCY_MAX);
		}
		if (scheduleInterval.compareTo(Duration.ofMinutes(1)) < 0 || scheduleInterval.compareTo(Duration.ofDays(1)) > 0) {
			throw new IllegalArgumentException("performanceos.scenarios.dunning.schedule-interval must be 1 minute to 1 day");
		}
		if (tenantsPerRunMax < 1 || tenantsPerRunMax > TENANTS_PER_RUN_MAX) {
			throw new IllegalArgumentException("performanceos.scenarios.dunning.tenants-per-run-max must be 1 to " + TENANTS_PER_RUN_MAX);
		}
	}

}
