package com.performanceos.ledger.receivables.escalation;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import com.performanceos.platform.egress.EgressGuard;

/**
 * POSTs escalation notifications to their receivers through the egress guard (public addresses only,
 * unless the operator allowed more), signed with HMAC-SHA256 of the exact body under the rule's secret. Each receiver host has its own circuit breaker, so one dead receiver
 * does not slow the others down, and every call is bounded by a timeout. The outcome is a value:
 * failures are recorded and retried by a later run, never thrown.
 */
@Component
class WebhookNotifier {

	/** The signature header: {@code sha256=} and the lowercase hex HMAC-SHA256 of the body. */
	static final String SIGNATURE_HEADER = "X-PerformanceOS-Signature";

	/** The notification's id, stable across retries, for receivers to deduplicate on. */
	static final String DELIVERY_HEADER = "X-PerformanceOS-Delivery";

	static final String EVENT_HEADER = "X-PerformanceOS-Event";

	static final String EVENT = "escalation.task.created";

	/** Longest failure text kept: enough for a status line or exception message. */
	private static final int ERROR_LENGTH_MAX = 500;

	private static final Logger log = LoggerFactory.getLogger(WebhookNotifier.class);

	private final EgressGuard egress;

	private final CircuitBreakerRegistry breakers;

	private final EscalationProperties settings;

	WebhookNotifier(EscalationProperties settings, EgressGuard egress) {
		this.settings = settings;
		this.egress = egress;
		EscalationProperties.CircuitBreaker breaker = settings.circuitBreaker();
		this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
			.failureRateThreshold(breaker.failureRateThreshold())
			.slidingWindowSize(breaker.slidingWindowSize())
			.minimumNumberOfCalls(breaker.minimumNumberOfCalls())
			.waitDurationInOpenState(breaker.waitInOpenState())
			.build());
	}

	/** The outcome of one attempt. */
	sealed interface Outcome {

		/** The receiver answered 2xx. */
		record Delivered() implements Outcome {
		}

		/**
		 * Anything else: an error status, a timeout, a refused connection, a refused address or an open breaker, all
		 * with the same reason for the tenant; the cause is in the server's log.
		 */
		record Failed(String reason) implements Outcome {
		}

	}

	Mono<Outcome> post(UUID deliveryKey, String url, String body, String secret) {
		Map<String, String> headers = Map.of(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE, SIGNATURE_HEADER,
				signature(secret, body), DELIVERY_HEADER, deliveryKey.toString(), EVENT_HEADER, EVENT);
		return egress.post(url, headers, body.getBytes(StandardCharsets.UTF_8))
			.timeout(settings.webhookTimeout())
			.transformDeferred(CircuitBreakerOperator.of(breakers.circuitBreaker(receiver(url))))
			.map(status -> (Outcome) new Outcome.Delivered())
			.onErrorResume(error -> {
				// The cause goes to the server's log only: telling the tenant "connection refused" from "HTTP 405" would
				// let it scan the server's network through its webhook URL.
				log.warn("Escalation notification {} not delivered: {}", deliveryKey, describe(error));
				return Mono.just(new Outcome.Failed(EgressGuard.USER_MESSAGE));
			});
	}

	private static String receiver(String url) {
		try {
			URI uri = URI.create(url);
			return uri.getHost() + ":" + uri.getPort();
		}
		catch (IllegalArgumentException ex) {
			return "invalid";
		}
	}

	static String signature(String secret, String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", ex);
		}
	}

	private static String describe(Throwable error) {
		String reason = switch (error) {
			case TimeoutException timeout -> "Timed out";
			case CallNotPermittedException open -> "Circuit breaker open for this receiver";
			default -> error.getClass().getSimpleName() + (error.getMessage() == null ? "" : ": " + error.getMessage());
		};
		return reason.length() > ERROR_LENGTH_MAX ? reason.substring(0, ERROR_LENGTH_MAX) : reason;
	}

}
