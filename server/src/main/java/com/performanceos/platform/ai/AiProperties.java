package com.performanceos.platform.ai;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The AI provider of this deployment and the bounds around every call to it. AI is off unless {@code base-url} is set
 * ({@code PERFORMANCEOS_AI_BASE_URL}); every AI feature then answers "AI disabled" and the deterministic paths run as
 * always.
 *
 * @param baseUrl an OpenAI-compatible chat-completions endpoint, e.g. {@code https://api.mistral.ai/v1}; none: AI off
 * @param apiKey the provider's key ({@code PERFORMANCEOS_AI_API_KEY})
 * @param model the model name and version sent with every request and tagged on every AI-originated rule version
 * @param timeout longest wait for one answer before the attempt counts as failed
 * @param retries attempts after the first one, with exponential backoff from {@code retryBackoff}
 * @param retryBackoff the wait before the first retry; it doubles at each one
 * @param breaker when to stop calling a failing provider
 * @param requestsPerSecond calls this instance may start per second; one more is queued, not waited for
 * @param concurrentCallsMax calls in flight on this instance at once; one more is queued, not waited for
 * @param drainInterval how often queued requests are retried; with the breaker's open state it bounds how late the queue
 * drains after the provider answers again (the issue asks for 5 minutes)
 * @param drainBatchMax requests one tenant's drain answers per pass
 * @param alertWebhookUrl where provider outages and budget thresholds are posted (through the egress guard); none: audit only
 * @param budgetAlertPercent usage above the monthly budget by this much raises an alert
 * @param budgetBlockPercent usage above the monthly budget by this much blocks further calls
 */
@ConfigurationProperties("performanceos.ai")
public record AiProperties(@Nullable String baseUrl, @Nullable String apiKey, @DefaultValue("mistral-small-2503") String model,
		@DefaultValue("10s") Duration timeout, @DefaultValue("1") int retries, @DefaultValue("200ms") Duration retryBackoff,
		@DefaultValue Breaker breaker, @DefaultValue("20") int requestsPerSecond, @DefaultValue("16") int concurrentCallsMax,
		@DefaultValue("30s") Duration drainInterval, @DefaultValue("50") int drainBatchMax, @Nullable String alertWebhookUrl,
		@DefaultValue("10") int budgetAlertPercent, @DefaultValue("20") int budgetBlockPercent) {

	/**
	 * The circuit breaker.
	 *
	 * @param failureRatePercent share of failed calls among the last {@code window} that opens it
	 * @param window calls it judges on
	 * @param minimumCalls calls needed before it judges at all
	 * @param openDuration how long it stays open before letting trial calls through
	 */
	public record Breaker(@DefaultValue("50") int failureRatePercent, @DefaultValue("10") int window,
			@DefaultValue("4") int minimumCalls, @DefaultValue("30s") Duration openDuration) {

		public Breaker {
			require(failureRatePercent >= 1 && failureRatePercent <= 100, "breaker.failure-rate-percent must be 1 to 100");
			require(window >= 1 && window <= 1_000, "breaker.window must be 1 to 1000");
			require(minimumCalls >= 1 && minimumCalls <= window, "breaker.minimum-calls must be 1 to breaker.window");
			require(!openDuration.isNegative() && !openDuration.isZero(), "breaker.open-duration must be positive");
		}

	}

	public AiProperties {
		require(!timeout.isNegative() && !timeout.isZero() && timeout.compareTo(Duration.ofMinutes(5)) <= 0, "timeout must be 1ms to 5m");
		require(retries >= 0 && retries <= 5, "retries must be 0 to 5");
		require(requestsPerSecond >= 1 && requestsPerSecond <= 10_000, "requests-per-second must be 1 to 10000");
		require(concurrentCallsMax >= 1 && concurrentCallsMax <= 1_000, "concurrent-calls-max must be 1 to 1000");
		require(!drainInterval.isNegative() && !drainInterval.isZero() && drainInterval.compareTo(Duration.ofMinutes(5)) <= 0,
				"drain-interval must be positive and at most 5m (queued requests must drain within 5 minutes)");
		require(drainBatchMax >= 1 && drainBatchMax <= 1_000, "drain-batch-max must be 1 to 1000");
		require(budgetAlertPercent >= 0 && budgetAlertPercent < budgetBlockPercent && budgetBlockPercent <= 1_000,
				"budget-alert-percent must be below budget-block-percent");
	}

	/** Whether a provider is configured at all. */
	public boolean configured() {
		return baseUrl != null && !baseUrl.isBlank();
	}

	private static void require(boolean condition, String message) {
		if (!condition) {
			throw new IllegalArgumentException("performanceos.ai." + message);
		}
	}

}
