package com.performanceos.scenarios.dunning;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
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
 * @param sms the SMS provider that steps of channel {@code SMS} go through
 * @param push the signed pushes of dunning statuses to the tenants' CRMs
 */
@ConfigurationProperties("performanceos.scenarios.dunning")
record DunningProperties(@DefaultValue("dunning@performance-os.invalid") String from, @DefaultValue("500") int messagesPerRunMax,
		@DefaultValue("4") int sendConcurrency, @DefaultValue("true") boolean scheduleEnabled, @DefaultValue("1h") Duration scheduleInterval,
		@DefaultValue("1000") int tenantsPerRunMax, @DefaultValue Sms sms, @DefaultValue Push push) {

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

	/**
	 * The SMS provider: Twilio's Messages API ({@code POST {baseUrl}/2010-04-01/Accounts/{accountSid}/Messages.json}, HTTP
	 * Basic with the account sid and auth token). Off until the account sid, the auth token and a sender (a number or a
	 * messaging service) are set; while it is off an SMS step is recorded FAILED with the reason, and goes out with the
	 * first run after it is configured. The provider is the operator's, not a tenant's, so calls go straight to it like
	 * the bank aggregator's polling, each attempt timed out and judged by a circuit breaker; only an outage (no
	 * connection, 429, 5xx) is retried, because Twilio has no idempotency key and a request that may have arrived must
	 * not be sent again.
	 *
	 * @param baseUrl the API's address
	 * @param accountSid the account ({@code AC...}); unset = SMS off
	 * @param authToken the account's auth token (set it through the environment,
	 * {@code PERFORMANCEOS_SCENARIOS_DUNNING_SMS_AUTH_TOKEN}); unset = read from {@code authTokenFile}
	 * @param authTokenFile a file holding the auth token (a mounted secret), read once at start-up
	 * @param from the sending number, E.164; unset = {@code messagingServiceSid} chooses it
	 * @param messagingServiceSid Twilio's messaging service ({@code MG...}) that picks the sender, instead of {@code from}
	 * @param timeout how long one attempt may take
	 * @param retries further attempts after an outage (0 to 5)
	 * @param retryBackoff the wait before the first retry; it doubles with each one
	 * @param failureRateThreshold percentage of outages among the last {@code windowSize} attempts that opens the breaker
	 * @param windowSize how many recent attempts the failure rate is computed over (also the minimum before it opens)
	 * @param openStateWait how long the open breaker refuses calls before letting a trial call through
	 */
	record Sms(@DefaultValue("https://api.twilio.com") URI baseUrl, @Nullable String accountSid, @Nullable String authToken,
			@Nullable Path authTokenFile, @Nullable String from, @Nullable String messagingServiceSid, @DefaultValue("10s") Duration timeout,
			@DefaultValue("2") int retries, @DefaultValue("500ms") Duration retryBackoff, @DefaultValue("50") int failureRateThreshold,
			@DefaultValue("10") int windowSize, @DefaultValue("30s") Duration openStateWait) {

		static final int RETRIES_MAX = 5;

		Sms {
			if (retries < 0 || retries > RETRIES_MAX) {
				throw new IllegalArgumentException("performanceos.scenarios.dunning.sms.retries must be 0 to " + RETRIES_MAX);
			}
			if (failureRateThreshold < 1 || failureRateThreshold > 100 || windowSize < 1) {
				throw new IllegalArgumentException("performanceos.scenarios.dunning.sms: failure-rate-threshold must be 1 to 100, "
						+ "window-size positive");
			}
			if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofMinutes(1)) > 0) {
				throw new IllegalArgumentException("performanceos.scenarios.dunning.sms.timeout must be above 0 and at most 1 minute");
			}
			if (from != null && !from.isBlank() && !PhoneNumber.isE164(from)) {
				throw new IllegalArgumentException("performanceos.scenarios.dunning.sms.from must be an E.164 number");
			}
		}

		/** Whether the account and a sender are set (the token is checked when it is read). */
		boolean enabled() {
			return accountSid != null && !accountSid.isBlank() && (authToken != null && !authToken.isBlank() || authTokenFile != null)
					&& (from != null && !from.isBlank() || messagingServiceSid != null && !messagingServiceSid.isBlank());
		}

		/** Never prints the token. */
		@Override
		public String toString() {
			return "Sms[baseUrl=" + baseUrl + ", accountSid=" + accountSid + ", authToken=" + (authToken == null ? "unset" : "(set)")
					+ ", authTokenFile=" + authTokenFile + ", from=" + from + ", messagingServiceSid=" + messagingServiceSid + "]";
		}

	}

	/**
	 * The pushes of dunning statuses to the receiver a tenant set ({@code setDunningWebhook}): each POST is signed, timed
	 * out and judged by a circuit breaker per receiver host; a failed push is retried with an exponential backoff by
	 * the retry pass, the next dunning run or {@code deliverDunningPushes}, never dropped while the receiver is set.
	 *
	 * @param timeout how long the receiver may take to answer one push
	 * @param pushesPerRunMax the most pushes one delivery pass tries in a tenant
	 * @param initialBackoff the wait before a failed push is retried by the retry pass; it doubles with each failure
	 * @param maxBackoff the longest wait between two attempts
	 * @param retryInterval how often the retry pass visits the tenants with a receiver
	 * @param retryEnabled whether every instance runs the retry pass
	 * @param failureRateThreshold percentage of failures among the last {@code windowSize} pushes to a host that opens its breaker
	 * @param windowSize how many recent pushes to a host the failure rate is computed over
	 * @param openStateWait how long an open breaker refuses pushes to its host before letting a few through
	 */
	record Push(@DefaultValue("5s") Duration timeout, @DefaultValue("200") int pushesPerRunMax, @DefaultValue("1m") Duration initialBackoff,
			@DefaultValue("6h") Duration maxBackoff, @DefaultValue("5m") Duration retryInterval, @DefaultValue("true") boolean retryEnabled,
			@DefaultValue("50") int failureRateThreshold, @DefaultValue("20") int windowSize, @DefaultValue("60s") Duration openStateWait) {

		Push {
			if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofMinutes(1)) > 0) {
				throw new IllegalArgumentException("performanceos.scenarios.dunning.push.timeout must be above 0 and at most 1 minute");
			}
			if (pushesPerRunMax < 1 || pushesPerRunMax > PER_RUN_MAX) {
				throw new IllegalArgumentException("performanceos.scenarios.dunning.push.pushes-per-run-max must be 1 to " + PER_RUN_MAX);
			}
			if (initialBackoff.isNegative() || initialBackoff.isZero() || maxBackoff.compareTo(initialBackoff) < 0) {
				throw new IllegalArgumentException("performanceos.scenarios.dunning.push: initial-backoff must be positive and max-backoff "
						+ "not shorter");
			}
			if (retryInterval.compareTo(Duration.ofSeconds(1)) < 0 || retryInterval.compareTo(Duration.ofDays(1)) > 0) {
				throw new IllegalArgumentException("performanceos.scenarios.dunning.push.retry-interval must be 1 second to 1 day");
			}
			if (failureRateThreshold < 1 || failureRateThreshold > 100 || windowSize < 1) {
				throw new IllegalArgumentException("performanceos.scenarios.dunning.push: failure-rate-threshold must be 1 to 100, "
						+ "window-size positive");
			}
		}

	}

}
