package com.performanceos.tenders.watch;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the market watch.
 *
 * @param boampBaseUrl the BOAMP open-data API (OpenDataSoft explore v2.1), e.g.
 *        {@code https://boamp-datadila.opendatasoft.com/api/explore/v2.1}; polling BOAMP is off when unset
 * @param tedBaseUrl the TED API, e.g. {@code https://api.ted.europa.eu}; polling TED is off when unset
 * @param interval time between two polls of each source
 * @param pageSize notices asked for per request (1 to 100, BOAMP's limit)
 * @param pagesPerPoll requests per source and poll at most: a backlog is caught up over several polls
 * @param timeout how long one request may take
 * @param retries retries of a failed request, with exponential backoff from {@code retryBackoff}
 * @param retryBackoff the first retry's delay
 * @param searchesPerTenantMax saved searches one tenant may hold (1 to 1,000)
 */
@ConfigurationProperties("performanceos.tenders.watch")
record WatchProperties(@Nullable URI boampBaseUrl, @Nullable URI tedBaseUrl, @DefaultValue("5m") Duration interval,
		@DefaultValue("100") int pageSize, @DefaultValue("10") int pagesPerPoll, @DefaultValue("10s") Duration timeout,
		@DefaultValue("2") int retries, @DefaultValue("500ms") Duration retryBackoff, @DefaultValue("50") int searchesPerTenantMax) {

	WatchProperties {
		if (pageSize < 1 || pageSize > 100) {
			throw new IllegalArgumentException("performanceos.tenders.watch.page-size must be between 1 and 100, got " + pageSize);
		}
		if (pagesPerPoll < 1 || pagesPerPoll > 1000) {
			throw new IllegalArgumentException("performanceos.tenders.watch.pages-per-poll must be between 1 and 1000, got " + pagesPerPoll);
		}
		if (retries < 0 || retries > 10) {
			throw new IllegalArgumentException("performanceos.tenders.watch.retries must be between 0 and 10, got " + retries);
		}
		if (searchesPerTenantMax < 1 || searchesPerTenantMax > 1000) {
			throw new IllegalArgumentException("performanceos.tenders.watch.searches-per-tenant-max must be between 1 and 1000, got "
					+ searchesPerTenantMax);
		}
		if (interval.isNegative() || interval.isZero()) {
			throw new IllegalArgumentException("performanceos.tenders.watch.interval must be positive, got " + interval);
		}
	}

}
