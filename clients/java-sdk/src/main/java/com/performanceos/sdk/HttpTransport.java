package com.performanceos.sdk;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jspecify.annotations.Nullable;

/**
 * POSTs operations to {@code /graphql}: with automatic persisted queries (the hash alone first, the
 * document too when the server does not know the hash yet) and bounded retries of throttled calls,
 * each after the wait the server announced in {@code extensions.cost.resetAt}.
 */
final class HttpTransport {

	static final String THROTTLED = "THROTTLED";

	static final String PERSISTED_QUERY_NOT_FOUND = "PERSISTED_QUERY_NOT_FOUND";

	/** Wait used when a throttled answer carries neither {@code resetAt} nor {@code Retry-After}. */
	private static final Duration DEFAULT_THROTTLE_WAIT = Duration.ofSeconds(1);

	private final HttpClient http;

	private final URI endpoint;

	private final Supplier<String> tokens;

	private final ObjectMapper json;

	private final ClientSettings settings;

	HttpTransport(HttpClient http, URI endpoint, Supplier<String> tokens, ObjectMapper json, ClientSettings settings) {
		this.http = http;
		this.endpoint = endpoint;
		this.tokens = tokens;
		this.json = json;
		this.settings = settings;
	}

	/**
	 * A successful exchange.
	 *
	 * @param data the response's {@code data}
	 * @param cost its {@code extensions.cost}
	 * @param traceId its trace id
	 * @param attempts how many HTTP requests it took
	 */
	record Exchange(JsonNode data, @Nullable Cost cost, @Nullable String traceId, int attempts) {
	}

	/** One HTTP answer, parsed as far as it goes. */
	private record Reply(int status, @Nullable JsonNode body, @Nullable String traceId, @Nullable String retryAfter) {

		/** The first error's trace id, else the {@code X-Trace-Id} header. */
		@Nullable String traceId(ObjectMapper json) {
			return errors(json).stream().map(GraphQlError::traceId).filter(id -> id != null).findFirst().orElse(traceId);
		}

		List<GraphQlError> errors(ObjectMapper json) {
			return body == null ? List.of() : Json.errors(json, body.path("errors"));
		}

		boolean failedWith(ObjectMapper json, String code) {
			return errors(json).stream().anyMatch(error -> code.equals(error.code()));
		}

	}

	Exchange execute(Operation<?> operation, Map<String, ?> variables) {
		int attempts = 0;
		for (int retry = 1;; retry++) {
			Reply reply = send(operation, variables, !settings.persistedQueries());
			attempts++;
			if (settings.persistedQueries() && reply.failedWith(json, PERSISTED_QUERY_NOT_FOUND)) {
				reply = send(operation, variables, true);
				attempts++;
			}
			if (reply.failedWith(json, THROTTLED) && retry <= settings.maxThrottleRetries()) {
				Duration wait = throttleWait(reply);
				if (wait.compareTo(settings.maxThrottleWait()) <= 0) {
					settings.throttleListener()
						.accept(new ThrottledRetry(operation.name(), retry, wait, cost(reply), reply.traceId(json)));
					sleep(wait);
					continue;
				}
			}
			return outcome(reply, attempts);
		}
	}

	private Reply send(Operation<?> operation, Map<String, ?> variables, boolean withDocument) {
		HttpRequest request = HttpRequest.newBuilder(endpoint)
			.timeout(settings.requestTimeout())
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.header("Authorization", "Bearer " + tokens.get())
			.POST(HttpRequest.BodyPublishers.ofString(body(operation, variables, withDocument)))
			.build();
		HttpResponse<String> response;
		try {
			response = http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw PerformanceOsException.client(PerformanceOsException.NETWORK_ERROR,
					"Cannot reach " + endpoint + ": " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw PerformanceOsException.client(PerformanceOsException.INTERRUPTED, "Interrupted calling " + endpoint, ex);
		}
		JsonNode parsed;
		try {
			parsed = json.readTree(response.body());
		}
		catch (JsonProcessingException ex) {
			parsed = null;
		}
		return new Reply(response.statusCode(), parsed != null && parsed.isObject() ? parsed : null,
				response.headers().firstValue("X-Trace-Id").orElse(null),
				response.headers().firstValue("Retry-After").orElse(null));
	}

	private String body(Operation<?> operation, Map<String, ?> variables, boolean withDocument) {
		ObjectNode body = json.createObjectNode();
		body.put("operationName", operation.name());
		body.set("variables", json.valueToTree(variables));
		if (withDocument) {
			body.put("query", operation.document());
		}
		if (settings.persistedQueries()) {
			body.putObject("extensions").putObject("persistedQuery").put("version", 1).put("sha256Hash", operation.sha256());
		}
		try {
			return json.writeValueAsString(body);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("The variables of " + operation + " cannot be written as JSON", ex);
		}
	}

	private Exchange outcome(Reply reply, int attempts) {
		JsonNode body = reply.body();
		if (body == null) {
			String code = reply.status() / 100 == 2 ? PerformanceOsException.PROTOCOL_ERROR : PerformanceOsException.HTTP_ERROR;
			throw new PerformanceOsException(code, "HTTP " + reply.status() + " without a GraphQL JSON body from " + endpoint,
					reply.traceId(), reply.status(), List.of(), null, null);
		}
		List<GraphQlError> errors = reply.errors(json);
		JsonNode data = body.path("data");
		if (!errors.isEmpty()) {
			throw PerformanceOsException.of(errors, reply.traceId(), reply.status(), data.isObject() ? data : null);
		}
		if (reply.status() / 100 != 2) {
			throw new PerformanceOsException(PerformanceOsException.HTTP_ERROR, "HTTP " + reply.status() + " from " + endpoint,
					reply.traceId(), reply.status(), List.of(), null, null);
		}
		if (!data.isObject()) {
			throw new PerformanceOsException(PerformanceOsException.PROTOCOL_ERROR, "A response with neither data nor errors",
					reply.traceId(), reply.status(), List.of(), null, null);
		}
		return new Exchange(data, Json.cost(body), reply.traceId(), attempts);
	}

	private @Nullable Cost cost(Reply reply) {
		return reply.body() == null ? null : Json.cost(reply.body());
	}

	/** Until {@code resetAt}; else the error's {@code retryAfterSeconds} or the {@code Retry-After} header. */
	private Duration throttleWait(Reply reply) {
		Cost cost = cost(reply);
		if (cost != null && cost.resetAt() != null) {
			Duration untilReset = Duration.between(Instant.now(), cost.resetAt());
			return untilReset.isNegative() ? Duration.ZERO : untilReset;
		}
		for (GraphQlError error : reply.errors(json)) {
			if (error.extensions().get("retryAfterSeconds") instanceof Number seconds) {
				return Duration.ofSeconds(Math.max(0, seconds.longValue()));
			}
		}
		if (reply.retryAfter() != null && reply.retryAfter().matches("\\d{1,6}")) {
			return Duration.ofSeconds(Long.parseLong(reply.retryAfter()));
		}
		return DEFAULT_THROTTLE_WAIT;
	}

	private static void sleep(Duration wait) {
		try {
			Thread.sleep(wait.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw PerformanceOsException.client(PerformanceOsException.INTERRUPTED,
					"Interrupted while waiting out a throttled call", ex);
		}
	}

	/**
	 * The settings of a client, checked by its builder.
	 *
	 * @param requestTimeout the longest one HTTP exchange may take
	 * @param persistedQueries whether operations are sent as automatic persisted queries
	 * @param maxThrottleRetries how many times a throttled call is retried
	 * @param maxThrottleWait the longest wait before one retry; a longer announced wait fails at once
	 * @param throttleListener told before each wait
	 * @param connectionInitTimeout how long a WebSocket may wait for {@code connection_ack}
	 * @param subscriptionBufferMax the most events buffered for a subscriber that has not asked for them
	 */
	record ClientSettings(Duration requestTimeout, boolean persistedQueries, int maxThrottleRetries,
			Duration maxThrottleWait, Consumer<ThrottledRetry> throttleListener, Duration connectionInitTimeout,
			int subscriptionBufferMax) {
	}

}
