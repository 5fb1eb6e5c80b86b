package com.performanceos.rules.sales.crm;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How the CRM connectors call the providers ({@code performanceos.crm}).
 *
 * @param requestTimeout the longest one attempt of one request may take before it counts as failed
 * @param retries how many times a failed attempt (no answer, a timeout, 429 or 5xx) is tried again, with exponential
 * backoff; a refused credential or request is not retried
 * @param retryBackoff the wait before the first retry, doubled for each next one
 * @param failureRateThreshold the percentage of failed attempts among the last {@code windowSize} that opens the
 * circuit breaker of a provider and tenant
 * @param windowSize how many recent attempts the breaker judges
 * @param openStateWait how long an open breaker refuses calls at once before it lets a trial call through
 * @param pageSize records asked for per page (HubSpot takes 1 to 200; Salesforce chooses its own, up to 2,000)
 * @param recordsPerSyncMax the most records one sync fetches; a larger backlog is taken by the next syncs, each resuming
 * from the watermark the previous one committed
 * @param responseSizeMax the largest response body read
 * @param staleSyncAfter how long a queued or running sync blocks a new one for the same provider; past it (a server
 * stopped mid-sync) a new sync may start
 * @param salesforceApiVersion the Salesforce REST API version, e.g. {@code v62.0}
 */
@ConfigurationProperties("performanceos.crm")
record CrmProperties(@DefaultValue("30s") Duration requestTimeout, @DefaultValue("2") int retries,
		@DefaultValue("500ms") Duration retryBackoff, @DefaultValue("50") int failureRateThreshold, @DefaultValue("6") int windowSize,
		@DefaultValue("60s") Duration openStateWait, @DefaultValue("100") int pageSize, @DefaultValue("50000") int recordsPerSyncMax,
		@DefaultValue("32MB") DataSize responseSizeMax, @DefaultValue("1h") Duration staleSyncAfter,
		@DefaultValue("v62.0") String salesforceApiVersion) {

	/** HubSpot's largest search page. */
	static final int HUBSPOT_PAGE_SIZE_MAX = 200;

	CrmProperties {
		requirePositive(requestTimeout, "request-timeout");
		requirePositive(retryBackoff, "retry-backoff");
		requirePositive(openStateWait, "open-state-wait");
		requirePositive(staleSyncAfter, "stale-sync-after");
		if (retries < 0 || retries > 10) {
			throw new IllegalArgumentException("performanceos.crm.retries must be 0 to 10");
		}
		if (failureRateThreshold < 1 || failureRateThreshold > 100) {
			throw new IllegalArgumentException("performanceos.crm.failure-rate-threshold must be 1 to 100");
		}
		if (windowSize < 1 || windowSize > 1_000) {
			throw new IllegalArgumentException("performanceos.crm.window-size must be 1 to 1000");
		}
		if (pageSize < 1 || pageSize > HUBSPOT_PAGE_SIZE_MAX) {
			throw new IllegalArgumentException("performanceos.crm.page-size must be 1 to " + HUBSPOT_PAGE_SIZE_MAX);
		}
		if (recordsPerSyncMax < 1 || recordsPerSyncMax > 1_000_000) {
			throw new IllegalArgumentException("performanceos.crm.records-per-sync-max must be 1 to 1000000");
		}
		if (responseSizeMax.toBytes() < 1) {
			throw new IllegalArgumentException("performanceos.crm.response-size-max must be positive");
		}
		if (!salesforceApiVersion.matches("v[0-9]{2}\\.0")) {
			throw new IllegalArgumentException("performanceos.crm.salesforce-api-version is written like v62.0");
		}
	}

	private static void requirePositive(Duration value, String name) {
		if (value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException("performanceos.crm." + name + " must be positive");
		}
	}

}
