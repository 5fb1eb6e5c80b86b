package com.performanceos.platform.webhooks;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
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
import reactor.core.publisher.Mono;

import com.performanceos.platform.egress.EgressGuard;

/**
 * POSTs events to the receivers tenants named, through the egress guard (public addresses only, unless the operator
 * allowed more), signed with HMAC-SHA256 of the exact body under the receiver's secret. Each receiver host has its own
 * circuit breaker, so one dead receiver does not slow the others down, and every call is bounded by a timeout. The
 * outcome is a value: a failure is for the caller to record and retry, never thrown. One instance per kind of webhook
 * (escalation notifications, dunning status pushes...), each with its owner's settings.
 */
public final class SignedWebhook {

	/** The signature header: {@code sha256=} and the lowercase hex HMAC-SHA256 of the body. */
	public static final String SIGNATURE_HEADER = "X-PerformanceOS-Signature";

	/** The delivery's id, stable across retries, for receivers to deduplicate on. */
	public static final String DELIVERY_HEADER = "X-PerformanceOS-Delivery";

	/** The event's name, such as {@code escalation.task.created}. */
	public static final String EVENT_HEADER = "X-PerformanceOS-Event";

	/** The longest receiver URL a tenant may give. */
	public static final int URL_LENGTH_MAX = 2_000;

	/** The shortest and longest signing secret a tenant may give. */
	public static final int SECRET_LENGTH_MIN = 16;

	public static final int SECRET_LENGTH_MAX = 200;

	/** Longest failure text kept in the log: enough for a status line or exception message. */
	private static final int ERROR_LENGTH_MAX = 500;

	private static final Logger log = LoggerFactory.getLogger(SignedWebhook.class);

	private final EgressGuard egress;

	private final Duration timeout;

	private final CircuitBreakerRegistry breakers;

	/**
	 * @param timeout how long a receiver may take to answer before the attempt counts as failed
	 * @param breaker when to stop calling a failing receiver for a while
	 */
	public SignedWebhook(EgressGuard egress, Duration timeout, Breaker breaker) {
		this.egress = egress;
		this.timeout = timeout;
		this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
			.failureRateThreshold(breaker.failureRateThreshold())
			.slidingWindowSize(breaker.slidingWindowSize())
			.minimumNumberOfCalls(breaker.minimumNumberOfCalls())
			.waitDurationInOpenState(breaker.waitInOpenState())
			.build());
	}

	/**
	 * One circuit breaker per receiver host.
	 *
	 * @param failureRateThreshold the failure percentage (over the last {@code slidingWindowSize} calls) that opens it
	 * @param slidingWindowSize how many recent calls the rate is computed over
	 * @param minimumNumberOfCalls how many calls are needed before the rate counts
	 * @param waitInOpenState how long an open breaker refuses calls before letting a few through
	 */
	public record Breaker(float failureRateThreshold, int slidingWindowSize, int minimumNumberOfCalls, Duration waitInOpenState) {
	}

	/** The outcome of one attempt. */
	public sealed interface Outcome {

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

	/** One attempt to deliver {@code body} (the exact bytes signed) as {@code event} to {@code url}. */
	public Mono<Outcome> post(UUID delivery, String event, String url, String body, String secret) {
		Map<String, String> headers = Map.of(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE, SIGNATURE_HEADER,
				signature(secret, body), DELIVERY_HEADER, delivery.toString(), EVENT_HEADER, event);
		return egress.post(url, headers, body.getBytes(StandardCharsets.UTF_8))
			.timeout(timeout)
			.transformDeferred(CircuitBreakerOperator.of(breakers.circuitBreaker(receiver(url))))
			.map(status -> (Outcome) new Outcome.Delivered())
			.onErrorResume(error -> {
				// The cause goes to the server's log only: telling the tenant "connection refused" from "HTTP 405" would
				// let it scan the server's network through its webhook URL.
				log.warn("Webhook delivery {} ({}) failed: {}", delivery, event, describe(error));
				return Mono.just(new Outcome.Failed(EgressGuard.USER_MESSAGE));
			});
	}

	/** {@code sha256=} and the lowercase hex HMAC-SHA256 of {@code body} under {@code secret}: what receivers recompute. */
	public static String signature(String secret, String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", ex);
		}
	}

	/** Whether {@code value} is an absolute http or https URL with a host, no user info, of at most {@link #URL_LENGTH_MAX} characters. */
	public static boolean isReceiverUrl(String value) {
		if (value.length() > URL_LENGTH_MAX) {
			return false;
		}
		try {
			URI uri = new URI(value);
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && uri.getUserInfo() == null;
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	/** Whether {@code secret} has an acceptable length to sign with. */
	public static boolean isSecret(String secret) {
		return secret.length() >= SECRET_LENGTH_MIN && secret.length() <= SECRET_LENGTH_MAX;
	}

	/** Exponential backoff after {@code failedAttempts} failed attempts: {@code initial}, doubling, capped at {@code max}. */
	public static Duration backoff(int failedAttempts, Duration initial, Duration max) {
		Duration wait = initial;
		for (int doubling = 1; doubling < failedAttempts && wait.compareTo(max) < 0; doubling++) {
			wait = wait.multipliedBy(2);
		}
		return wait.compareTo(max) > 0 ? max : wait;
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

	private static String describe(Throwable error) {
		String reason = switch (error) {
			case TimeoutException timeout -> "Timed out";
			case CallNotPermittedException open -> "Circuit breaker open for this receiver";
			default -> error.getClass().getSimpleName() + (error.getMessage() == null ? "" : ": " + error.getMessage());
		};
		return reason.length() > ERROR_LENGTH_MAX ? reason.substring(0, ERROR_LENGTH_MAX) : reason;
	}

}
