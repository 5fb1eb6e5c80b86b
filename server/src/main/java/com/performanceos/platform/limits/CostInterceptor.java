package com.performanceos.platform.limits;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Mono;

import com.performanceos.platform.security.Viewer;

/**
 * Opens a {@link CostLedger} for each request and closes it: refunds what was requested but not
 * returned, reports {@code extensions.cost} on every response (refusals and errors included), sets
 * {@code Retry-After} on a throttled one and records the {@code graphql.request.cost} metric. It
 * runs inside the viewer and request-context interceptors, so the caller is known and the errors it
 * sees get their trace id afterwards; it only adds an extension and never replaces the response.
 */
final class CostInterceptor implements WebGraphQlInterceptor, Ordered {

	/** Inside {@code ViewerContextInterceptor} and {@code RequestContextInterceptor}. */
	static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 20;

	private static final Logger log = LoggerFactory.getLogger(CostInterceptor.class);

	private final LeakyBucket bucket;

	private final LimitsProperties limits;

	private final MeterRegistry meters;

	CostInterceptor(LeakyBucket bucket, LimitsProperties limits, MeterRegistry meters) {
		this.bucket = bucket;
		this.limits = limits;
		this.meters = meters;
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		CostLedger ledger = new CostLedger();
		// Configurers run in interceptor order, so the viewer's is already in the context here.
		request.configureExecutionInput((input, builder) -> {
			input.getGraphQLContext().put(CostLedger.CONTEXT_KEY, ledger);
			ledger.client(input.getGraphQLContext().get(Viewer.CONTEXT_KEY));
			return input;
		});
		return chain.next(request).flatMap(response -> settle(ledger, response));
	}

	private Mono<WebGraphQlResponse> settle(CostLedger ledger, WebGraphQlResponse response) {
		Viewer client = ledger.client();
		if (client == null) {
			return Mono.just(response);
		}
		QueryCost requested = ledger.requested();
		int requestedCost = requested != null ? requested.requested() : 0;
		int actualCost = actualCost(ledger, requestedCost);
		record(ledger, requestedCost);
		return bucketAfter(ledger, client, requestedCost - actualCost)
			.map(outcome -> report(response, requestedCost, actualCost, outcome))
			.onErrorResume(failure -> {
				log.warn("Cost bucket unavailable while reporting: {}", failure.toString());
				return Mono.just(report(response, requestedCost, actualCost, null));
			})
			.map(reported -> {
				LeakyBucket.Outcome throttled = ledger.bucket();
				if (ledger.outcome() == CostLedger.Outcome.THROTTLED && throttled != null) {
					reported.getResponseHeaders()
						.set(HttpHeaders.RETRY_AFTER, String.valueOf(throttled.retryAfterSeconds(requestedCost)));
				}
				return reported;
			});
	}

	private static int actualCost(CostLedger ledger, int requestedCost) {
		if (ledger.outcome() != CostLedger.Outcome.ACCEPTED) {
			return 0;
		}
		Integer actual = ledger.actual();
		// An execution that ended without a priced result keeps what it was charged.
		return actual != null ? Math.min(actual, requestedCost) : requestedCost;
	}

	/**
	 * The bucket to report. A refund is sent to Redis without waiting for it: the response does not
	 * pay a second round trip, and the report is the take's answer less the refund, which is exact
	 * (same level, same moment it empties) unless the same client's other requests ran in between.
	 * A refund that fails is logged; the client then waits for the leak instead.
	 */
	private Mono<LeakyBucket.Outcome> bucketAfter(CostLedger ledger, Viewer client, int unused) {
		LeakyBucket.Outcome taken = ledger.bucket();
		// An accepted request always holds the take's answer (CostLedger.admitted).
		if (taken != null && ledger.outcome() == CostLedger.Outcome.ACCEPTED && unused > 0) {
			refundInBackground(client, unused);
			return Mono.just(taken.afterRefund(unused));
		}
		if (taken != null) {
			return Mono.just(taken);
		}
		return Mono.fromCompletionStage(() -> bucket.peek(client));
	}

	/** Sends the refund and does not wait; a failure, immediate or later, is logged. */
	private void refundInBackground(Viewer client, int unused) {
		Mono.fromCompletionStage(() -> bucket.refund(client, unused))
			.subscribe(refunded -> {
			}, failure -> log.warn("Could not refund {} unused cost units to {}: {}", unused, client.subject(), failure.toString()));
	}

	private WebGraphQlResponse report(WebGraphQlResponse response, int requested, int actual,
			LeakyBucket.@Nullable Outcome outcome) {
		Map<String, Object> cost = new LinkedHashMap<>();
		cost.put("requested", requested);
		cost.put("actual", actual);
		cost.put("limit", outcome != null ? outcome.capacity() : bucket.capacity());
		cost.put("remaining", outcome != null ? outcome.remaining() : null);
		cost.put("resetAt", outcome != null ? outcome.resetAt().toString() : null);
		cost.put("maxQueryCost", limits.maxQueryCost());
		Map<Object, Object> extensions = new LinkedHashMap<>();
		Map<Object, Object> existing = response.getExecutionResult().getExtensions();
		if (existing != null) {
			extensions.putAll(existing);
		}
		extensions.put("cost", cost);
		return response.transform(builder -> builder.extensions(extensions));
	}

	private void record(CostLedger ledger, int requestedCost) {
		String outcome = switch (ledger.outcome()) {
			case NOT_PRICED -> null;
			case ACCEPTED -> "accepted";
			case REFUSED -> "refused";
			case THROTTLED -> "throttled";
		};
		if (outcome != null) {
			DistributionSummary.builder("graphql.request.cost")
				.description("Requested cost of GraphQL operations")
				.baseUnit("units")
				.tag("outcome", outcome.toLowerCase(Locale.ROOT))
				.register(meters)
				.record(requestedCost);
		}
	}

}
