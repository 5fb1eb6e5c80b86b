package com.performanceos.tenders.watch;

import java.time.Duration;
import java.util.List;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/** A source of market notices polled incrementally: from a watermark (a publication day), page by page. */
interface NoticeConnector {

	/**
	 * One page of notices.
	 *
	 * @param notices the notices, in publication order
	 * @param watermark the latest publication day of the page (the next poll starts there), or the one asked for
	 * @param more whether another page follows
	 */
	record Page(List<Notice> notices, String watermark, boolean more) {
	}

	NoticeSource source();

	/** The base URL called, checked by the egress guard before each poll. */
	String baseUrl();

	/** The page {@code page} (from 0) of the notices published from {@code watermark} (inclusive). */
	Mono<Page> fetch(String watermark, int page);

	/**
	 * Each attempt bounded by the timeout and recorded by the source's circuit breaker; failed attempts retried with
	 * exponential backoff, except when the breaker is open: then the call fails at once without reaching the source.
	 */
	static <T> Mono<T> resilient(Mono<T> attempt, CircuitBreaker breaker, WatchProperties settings) {
		return attempt.timeout(settings.timeout())
			.transformDeferred(CircuitBreakerOperator.of(breaker))
			.retryWhen(Retry.backoff(settings.retries(), settings.retryBackoff())
				.filter(failure -> !(failure instanceof CallNotPermittedException))
				.onRetryExhaustedThrow((spec, signal) -> signal.failure()));
	}

	/** A breaker that opens when half of the last 10 calls failed, and lets one trial call through after 30 seconds. */
	static CircuitBreaker breaker(String name) {
		return CircuitBreaker.of(name, CircuitBreakerConfig.custom()
			.failureRateThreshold(50)
			.slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
			.slidingWindowSize(10)
			.minimumNumberOfCalls(4)
			.waitDurationInOpenState(Duration.ofSeconds(30))
			.permittedNumberOfCallsInHalfOpenState(1)
			.build());
	}

}
