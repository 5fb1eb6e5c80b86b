package com.performanceos.platform.limits;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.core.Ordered;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import reactor.core.publisher.Mono;

import com.performanceos.platform.graphql.ErrorCode;

/**
 * Bounds how long one operation may execute and stops it when nobody waits any more. Both rely on
 * the same mechanism: cancelling the execution's {@code Mono} makes Spring GraphQL call
 * {@link ExecutionInput#cancel()}, and graphql-java then starts no further field; the fetches
 * already running are cancelled too ({@link InFlightFetches}), down to their database statements. Past {@code max-execution-time} the client
 * gets {@code EXECUTION_TIMEOUT}; a client that disconnects gets nothing, and the work stops all
 * the same. Both are counted in {@code graphql.request.cancelled} (tag {@code reason}). A
 * subscription is bounded only until its stream is set up; its events are not.
 */
final class ExecutionDeadline implements WebGraphQlInterceptor, Ordered {

	/** Inside {@link CostInterceptor}, so a request cut short still reports its cost. */
	static final int ORDER = CostInterceptor.ORDER + 10;

	private final Duration maxExecutionTime;

	private final Counter deadlines;

	private final Counter disconnects;

	ExecutionDeadline(LimitsProperties limits, MeterRegistry meters) {
		this.maxExecutionTime = limits.maxExecutionTime();
		this.deadlines = cancelled(meters, "deadline");
		this.disconnects = cancelled(meters, "client-gone");
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		InFlightFetches fetches = new InFlightFetches();
		request.configureExecutionInput((input, builder) -> {
			input.getGraphQLContext().put(InFlightFetches.CONTEXT_KEY, fetches);
			return input;
		});
		return chain.next(request)
			// Before the timeout, so that both a deadline and a client that leaves stop running fetches.
			.doOnCancel(fetches::cancelAll)
			.timeout(maxExecutionTime)
			.doOnCancel(disconnects::increment)
			.onErrorResume(TimeoutException.class, late -> {
				deadlines.increment();
				return Mono.just(timedOut(request));
			});
	}

	private WebGraphQlResponse timedOut(WebGraphQlRequest request) {
		ExecutionResult result = ExecutionResult.newExecutionResult()
			.addError(LimitErrors.of(ErrorCode.EXECUTION_TIMEOUT, "The operation ran longer than "
					+ maxExecutionTime.toMillis() + " ms and was stopped; ask for less (smaller pages, fewer fields)",
					Map.of("maxExecutionTimeMs", maxExecutionTime.toMillis())))
			.build();
		ExecutionInput input = ExecutionInput.newExecutionInput(request.getDocument()).build();
		return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(input, result));
	}

	private static Counter cancelled(MeterRegistry meters, String reason) {
		return Counter.builder("graphql.request.cancelled")
			.description("GraphQL operations stopped before they completed")
			.tag("reason", reason)
			.register(meters);
	}

}
