package com.performanceos.scenarios.dunning;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends dunning messages as SMS through Twilio's Messages API (settings {@code performanceos.scenarios.dunning.sms.*}):
 * {@code POST /2010-04-01/Accounts/{AccountSid}/Messages.json}, form-encoded {@code To}, {@code From} or
 * {@code MessagingServiceSid} and {@code Body}, HTTP Basic with the account sid and token. A 201 answers the message's
 * {@code sid}; a refusal answers {@code {"code", "message", "status"}}. Delivery receipts (Twilio's status callback) are
 * not consumed: SENT means the provider accepted the message.
 *
 * <p>Every answer becomes an {@link Answer} value, never an exception: {@link Accepted}; {@link Refused} for a 4xx
 * (permanent unless our credentials or account were refused); {@link Unavailable} when the request certainly did not get through
 * (no connection, 429, 5xx, breaker open, not configured): the runner leaves such a message retryable; and
 * {@link Unconfirmed} when it may have (a timeout, a cut connection, an answer that is not the documented shape):
 * Twilio has no idempotency key, so such a message is never sent again. Only certain outages are retried here.
 * Neither the number nor the body is logged: a log line names the message's id only.
 */
@Component
class DunningSms {

	/** Twilio's longest body (it splits longer texts into segments up to this). */
	static final int BODY_LENGTH_MAX = 1_600;

	private static final Logger log = LoggerFactory.getLogger(DunningSms.class);

	private final DunningProperties.Sms settings;

	private final JsonMapper json;

	private final @Nullable WebClient web;

	private final @Nullable String token;

	private final CircuitBreaker breaker;

	@Autowired
	DunningSms(DunningProperties settings, JsonMapper json) {
		this(WebClient.builder(), settings.sms(), json);
	}

	/** Tests build one against their own server. */
	DunningSms(WebClient.Builder builder, DunningProperties.Sms settings, JsonMapper json) {
		this.settings = settings;
		this.json = json;
		this.token = settings.enabled() ? token(settings) : null;
		this.web = settings.enabled() ? builder.clone().baseUrl(settings.baseUrl().toString()).build() : null;
		this.breaker = CircuitBreaker.of("dunning-sms", CircuitBreakerConfig.custom()
			.failureRateThreshold(settings.failureRateThreshold())
			.slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
			.slidingWindowSize(settings.windowSize())
			.minimumNumberOfCalls(settings.windowSize())
			.waitDurationInOpenState(settings.openStateWait())
			.permittedNumberOfCallsInHalfOpenState(1)
			.recordException(DunningSms::isOutage)
			.ignoreException(failure -> !isOutage(failure))
			.build());
	}

	/** What the provider made of one message. */
	sealed interface Answer permits Accepted, Refused, Unavailable, Unconfirmed {
	}

	/** Accepted (201): the provider's id of the message and its first status ({@code queued}, {@code accepted}...). */
	record Accepted(String sid, String status) implements Answer {
	}

	/**
	 * Refused with a 4xx: the provider's error code and message. Permanent (the number or the text will not be
	 * accepted as they are) unless the provider refused our credentials (401, 403) or does not know our account (404,
	 * Twilio's 20404), which the operator can fix.
	 */
	record Refused(int httpStatus, @Nullable String code, String message) implements Answer {

		boolean permanent() {
			return httpStatus != 401 && httpStatus != 403 && httpStatus != 404;
		}

	}

	/** The request did not get through; sending it again later cannot duplicate it. */
	record Unavailable(String reason) implements Answer {
	}

	/** The request may have got through: it must not be sent again. */
	record Unconfirmed(String reason) implements Answer {
	}

	boolean configured() {
		return web != null;
	}

	Mono<Answer> send(DunningMessage message) {
		WebClient client = web;
		if (client == null || token == null) {
			return Mono.just(new Unavailable("No SMS provider is configured (performanceos.scenarios.dunning.sms.*)"));
		}
		if (message.body().length() > BODY_LENGTH_MAX) {
			throw new IllegalStateException("A dunning SMS body is longer than " + BODY_LENGTH_MAX + " characters: " + message.id());
		}
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("To", message.recipient());
		if (settings.messagingServiceSid() != null && !settings.messagingServiceSid().isBlank()) {
			form.add("MessagingServiceSid", settings.messagingServiceSid());
		}
		else {
			form.add("From", settings.from());
		}
		form.add("Body", message.body());
		Mono<Reply> attempt = client.post()
			.uri("/2010-04-01/Accounts/{account}/Messages.json", settings.accountSid())
			.headers(headers -> headers.setBasicAuth(settings.accountSid(), token, StandardCharsets.UTF_8))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.accept(MediaType.APPLICATION_JSON)
			.body(BodyInserters.fromFormData(form))
			.exchangeToMono(response -> response.bodyToMono(byte[].class)
				.defaultIfEmpty(new byte[0])
				.map(body -> new Reply(response.statusCode().value(), body)))
			.timeout(settings.timeout())
			.flatMap(reply -> reply.status() == 429 || reply.status() >= 500 ? Mono.error(new Outage(reply.status())) : Mono.just(reply))
			.transformDeferred(CircuitBreakerOperator.of(breaker));
		return attempt.retryWhen(Retry.backoff(settings.retries(), settings.retryBackoff())
				.filter(DunningSms::isOutage)
				.onRetryExhaustedThrow((spec, signal) -> signal.failure()))
			.map(reply -> answer(reply, message.recipient()))
			.onErrorResume(failure -> {
				Answer answer = failed(failure);
				log.warn("SMS of dunning message {} not accepted: {}", message.id(), answer);
				return Mono.just(answer);
			});
	}

	private record Reply(int status, byte[] body) {
	}

	/** A 429 or 5xx: the provider did not take the message. */
	static final class Outage extends RuntimeException {

		private final int status;

		Outage(int status) {
			super("HTTP " + status, null, false, false);
			this.status = status;
		}

		int status() {
			return status;
		}

	}

	/** Only what certainly did not reach the provider is retried and counted by the breaker. */
	static boolean isOutage(Throwable failure) {
		return failure instanceof Outage
				|| failure instanceof WebClientRequestException request && NestedExceptionUtils.getRootCause(request) instanceof ConnectException;
	}

	private Answer answer(Reply reply, String recipient) {
		JsonNode body = parse(reply.body());
		if (reply.status() >= 200 && reply.status() < 300) {
			String sid = body == null ? null : text(body, "sid");
			if (sid == null) {
				return new Unconfirmed("The provider answered HTTP " + reply.status() + " without a message sid");
			}
			String status = text(body, "status");
			return new Accepted(sid, status == null ? "unknown" : status);
		}
		if (reply.status() >= 400 && reply.status() < 500) {
			String code = body == null ? null : text(body, "code");
			String message = body == null ? null : text(body, "message");
			// The provider's message may quote the number ("The 'To' number +33... is not valid"): it is masked here.
			String reason = message == null ? "HTTP " + reply.status() : message.replace(recipient, PhoneNumber.mask(recipient));
			return new Refused(reply.status(), code, reason);
		}
		return new Unconfirmed("The provider answered HTTP " + reply.status());
	}

	private static Answer failed(Throwable failure) {
		return switch (failure) {
			case Outage outage -> new Unavailable("The SMS provider is unavailable (HTTP " + outage.status() + "), retries included");
			case CallNotPermittedException open -> new Unavailable("The SMS provider failed repeatedly; calls are paused (circuit breaker open)");
			case WebClientRequestException request when isOutage(request) -> new Unavailable("The SMS provider could not be reached");
			case java.util.concurrent.TimeoutException timeout ->
				new Unconfirmed("The SMS provider did not answer in time; not sent again in case it was accepted");
			default -> new Unconfirmed("The SMS request failed (" + failure.getClass().getSimpleName()
					+ "); not sent again in case it was accepted");
		};
	}

	private @Nullable JsonNode parse(byte[] body) {
		if (body.length == 0) {
			return null;
		}
		try {
			JsonNode node = json.readTree(body);
			return node.isObject() ? node : null;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return value == null || value.isNull() ? null : value.asString();
	}

	private static String token(DunningProperties.Sms settings) {
		if (settings.authToken() != null && !settings.authToken().isBlank()) {
			return settings.authToken().strip();
		}
		try {
			String read = Files.readString(settings.authTokenFile(), StandardCharsets.UTF_8).strip();
			if (read.isEmpty()) {
				throw new IllegalStateException("The SMS auth token file " + settings.authTokenFile() + " is empty");
			}
			return read;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the SMS auth token file " + settings.authTokenFile(), ex);
		}
	}

}
