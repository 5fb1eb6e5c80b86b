package com.performanceos.rules.sales.crm;

import java.util.Map;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import com.performanceos.platform.egress.EgressFailed;
import com.performanceos.platform.egress.EgressGuard;
import com.performanceos.platform.egress.EgressRefused;

/**
 * Every call to a CRM: through the egress guard (public addresses only, pinned, bounded), each attempt timed out and
 * judged by the circuit breaker of its provider and tenant, failed attempts retried with exponential backoff. Only an
 * outage (no answer, a timeout, 429, 5xx) counts against the breaker and is retried: a refused credential or request
 * would fail the same way again, and one tenant's bad credentials must not stop another's syncs. While a breaker is
 * open, calls fail at once without reaching the provider.
 */
@Component
class ProviderCalls {

	private final EgressGuard egress;

	private final CrmProperties settings;

	private final CircuitBreakerRegistry breakers;

	ProviderCalls(EgressGuard egress, CrmProperties settings) {
		this.egress = egress;
		this.settings = settings;
		this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
			.failureRateThreshold(settings.failureRateThreshold())
			.slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
			.slidingWindowSize(settings.windowSize())
			.minimumNumberOfCalls(settings.windowSize())
			.waitDurationInOpenState(settings.openStateWait())
			.permittedNumberOfCallsInHalfOpenState(1)
			.recordException(ProviderCalls::isOutage)
			.ignoreException(failure -> !isOutage(failure))
			.build());
	}

	/** The body of the provider's 2xx answer; fails with the last attempt's failure, or at once when the breaker is open. */
	Mono<byte[]> call(CrmProvider provider, String tenant, HttpMethod method, String url, Map<String, String> headers,
			byte @Nullable [] body) {
		Mono<byte[]> attempt = Mono.defer(() -> egress.exchange(method, url, headers, body, settings.responseSizeMax()))
			.timeout(settings.requestTimeout())
			.transformDeferred(CircuitBreakerOperator.of(breaker(provider, tenant)));
		return attempt.retryWhen(Retry.backoff(settings.retries(), settings.retryBackoff())
			.filter(ProviderCalls::isOutage)
			.onRetryExhaustedThrow((spec, signal) -> signal.failure()));
	}

	/** The breaker of one provider and tenant: one tenant's outage or misconfiguration never opens another's. */
	CircuitBreaker breaker(CrmProvider provider, String tenant) {
		return breakers.circuitBreaker(provider.name() + "/" + tenant);
	}

	/** Whether a failure says the provider is down or overloaded (retried, counted by the breaker). */
	static boolean isOutage(Throwable failure) {
		return switch (failure) {
			case CallNotPermittedException open -> false;
			case EgressRefused refused -> false;
			case TimeoutException timeout -> true;
			case EgressFailed failed -> failed.status() == null || failed.status() == 429 || failed.status() >= 500;
			default -> false;
		};
	}

	/** The typed failure a sync reports for what the last attempt ended with. */
	static SyncFailure classify(Throwable failure) {
		return switch (failure) {
			case CallNotPermittedException open -> SyncFailure.PROVIDER_UNAVAILABLE;
			case EgressRefused refused -> SyncFailure.DESTINATION_REFUSED;
			case ProviderResponses.Invalid invalid -> SyncFailure.INVALID_RESPONSE;
			case CrmSyncRun.NotConfigured missing -> SyncFailure.NOT_CONFIGURED;
			case EgressFailed failed when failed.status() != null && (failed.status() == 401 || failed.status() == 403) ->
				SyncFailure.AUTHENTICATION_FAILED;
			case EgressFailed failed when failed.status() != null && failed.status() >= 400 && failed.status() < 500
					&& failed.status() != 429 -> SyncFailure.REQUEST_REFUSED;
			default -> isOutage(failure) ? SyncFailure.PROVIDER_ERROR : SyncFailure.INTERNAL;
		};
	}

	/**
	 * What the tenant is told: the failure and, for an answer, its status. Never the exception's text, which may name
	 * addresses of the server's network or echo a request.
	 */
	static String describe(SyncFailure failure, Throwable cause) {
		Integer status = cause instanceof EgressFailed failed ? failed.status() : null;
		String detail = switch (failure) {
			case PROVIDER_UNAVAILABLE -> "The provider failed repeatedly; calls are paused for a while (circuit breaker open)";
			case PROVIDER_ERROR -> cause instanceof TimeoutException ? "The provider did not answer in time, retries included"
					: "The provider failed, retries included";
			case AUTHENTICATION_FAILED -> "The provider refused the connection's credentials";
			case REQUEST_REFUSED -> "The provider refused the request: check the connection's field names";
			case DESTINATION_REFUSED -> "The connection's API URL " + EgressGuard.REFUSED_URL_MESSAGE;
			case INVALID_RESPONSE -> "The provider's answer is not the documented shape: " + cause.getMessage();
			case NOT_CONFIGURED -> "No connection is configured for this provider";
			case INTERNAL -> "The sync failed unexpectedly";
		};
		return status == null ? detail : detail + " (HTTP " + status + ")";
	}

}
