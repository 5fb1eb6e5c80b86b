package com.performanceos.ledger.bank;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The bank aggregator: its signed webhook ({@code POST /webhooks/bank-aggregator/{tenant}}, the URL it is
 * given for the connections of that tenant) and the polling fallback
 * ({@code GET {baseUrl}/accounts/{externalId}/transactions?since=YYYY-MM-DD&tenant={tenant}}, answered for
 * an account that tenant connected only). Aggregator account ids are per tenant.
 *
 * @param webhookSecret the shared HMAC-SHA256 secret of the webhook (any string of at least 32
 * characters, e.g. {@code openssl rand -base64 32}); unset = a random secret is created once in
 * {@code webhookSecretFile} and must be copied into the aggregator's configuration
 * @param webhookSecretFile where the generated secret is kept; unset = {@code ${performanceos.data-dir}/identity/bank-aggregator-webhook.secret}
 * @param maxTimestampAge how far {@code X-Timestamp} may be from the server's clock, either way; older
 * deliveries are refused as replays
 * @param maxWebhookBodySize the largest webhook body read
 * @param baseUrl the aggregator's API; unset = no polling (webhooks only)
 * @param polling the polling fallback
 */
@ConfigurationProperties("performanceos.bank.aggregator")
record BankAggregatorProperties(@Nullable String webhookSecret,
		@Nullable Path webhookSecretFile,
		@DefaultValue("5m") Duration maxTimestampAge, @DefaultValue("2MB") DataSize maxWebhookBodySize, @Nullable URI baseUrl,
		@DefaultValue Polling polling) {

	/** Shortest configured secret accepted: a short HMAC key is guessable. */
	static final int SECRET_LENGTH_MIN = 32;

	/**
	 * The polling fallback, each call behind a timeout, a retry with exponential backoff and a
	 * circuit breaker (which stops calling an aggregator that keeps failing).
	 *
	 * @param interval how often every connected bank account is polled
	 * @param timeout how long one call may take
	 * @param retries further attempts of a failed call (0 to 5)
	 * @param retryBackoff the wait before the first retry; it doubles with each one
	 * @param failureRateThreshold percentage of failed calls (among the last {@code windowSize}) that opens the breaker
	 * @param windowSize how many recent calls the failure rate is computed over (also the minimum before it opens)
	 * @param openStateWait how long the open breaker short-circuits calls before letting a trial call through
	 * @param lookbackDays how far back a bank account without transactions is asked for
	 */
	record Polling(@DefaultValue("5m") Duration interval, @DefaultValue("10s") Duration timeout, @DefaultValue("2") int retries,
			@DefaultValue("500ms") Duration retryBackoff, @DefaultValue("50") int failureRateThreshold, @DefaultValue("4") int windowSize,
			@DefaultValue("30s") Duration openStateWait, @DefaultValue("30") int lookbackDays) {

		static final int RETRIES_MAX = 5;

		Polling {
			if (retries < 0 || retries > RETRIES_MAX) {
				throw new IllegalArgumentException("performanceos.bank.aggregator.polling.retries must be 0 to " + RETRIES_MAX);
			}
			if (failureRateThreshold < 1 || failureRateThreshold > 100 || windowSize < 1 || lookbackDays < 1) {
				throw new IllegalArgumentException("performanceos.bank.aggregator.polling: failure-rate-threshold must be 1 to 100, "
						+ "window-size and lookback-days positive");
			}
		}

	}

}
