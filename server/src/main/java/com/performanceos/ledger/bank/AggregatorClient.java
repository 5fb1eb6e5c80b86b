package com.performanceos.ledger.bank;

import java.net.URI;
import java.time.LocalDate;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fetches an aggregator account's transactions for the polling fallback. Each attempt is bounded by
 * the timeout and recorded by the circuit breaker; failed attempts are retried with exponential
 * backoff, except when the breaker is open: then calls fail at once without reaching the aggregator,
 * until the open-state wait lets a trial call through.
 */
final class AggregatorClient {

	private final WebClient web;

	private final JsonMapper json;

	private final BankAggregatorProperties.Polling settings;

	private final CircuitBreaker breaker;

	AggregatorClient(WebClient.Builder builder, URI baseUrl, BankAggregatorProperties.Polling settings, JsonMapper json) {
		this.web = builder.baseUrl(baseUrl.toString()).build();
		this.json = json;
		this.settings = settings;
		this.breaker = CircuitBreaker.of("bank-aggregator", CircuitBreakerConfig.custom()
			.failureRateThreshold(settings.failureRateThreshold())
			.slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
			.slidingWindowSize(settings.windowSize())
			.minimumNumberOfCalls(settings.windowSize())
			.waitDurationInOpenState(settings.openStateWait())
			.permittedNumberOfCallsInHalfOpenState(1)
			.build());
	}

	/**
	 * The tenant's account's transactions booked since the date, as one validated batch. The tenant is the aggregator's
	 * end-user reference of the connection: the aggregator answers only for an account that tenant connected, so a
	 * tenant that registered another's account id polls nothing of it.
	 */
	Mono<AggregatorBatch> transactions(String tenant, String externalId, LocalDate since) {
		Mono<byte[]> attempt = web.get()
			.uri(uri -> uri.path("/accounts/{id}/transactions").queryParam("since", since.toString())
				.queryParam("tenant", "{tenant}")
				.build(externalId, tenant))
			.retrieve()
			.bodyToMono(byte[].class)
			.timeout(settings.timeout())
			.transformDeferred(CircuitBreakerOperator.of(breaker));
		return attempt.retryWhen(Retry.backoff(settings.retries(), settings.retryBackoff())
				.filter(failure -> !(failure instanceof CallNotPermittedException))
				.onRetryExhaustedThrow((spec, signal) -> signal.failure()))
			.map(body -> AggregatorBatch.parse(json, body))
			.flatMap(batch -> batch.accountId().equals(externalId) ? Mono.just(batch)
					: Mono.error(new AggregatorBatch.Invalid("The aggregator answered for another account")));
	}

	CircuitBreaker.State state() {
		return breaker.getState();
	}

}
