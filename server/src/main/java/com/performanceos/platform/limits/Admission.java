package com.performanceos.platform.limits;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import graphql.execution.ExecutionContext;
import graphql.language.OperationDefinition;
import graphql.normalized.ExecutableNormalizedField;
import graphql.normalized.ExecutableNormalizedOperation;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import com.performanceos.platform.graphql.ErrorCode;
import com.performanceos.platform.security.Viewer;

/**
 * Pours a priced operation into its client's bucket before execution starts. This is an execution
 * strategy step rather than an instrumentation hook because it waits on Redis: instrumentation
 * hooks are synchronous, and blocking the event loop on a network call would stall every request
 * it serves. Fields priced from the database ({@link DynamicCost}) get their weight here too, for
 * the same reason, and the operation is held to {@code max-query-cost} again with it.
 */
final class Admission {

	private static final Logger log = LoggerFactory.getLogger(Admission.class);

	/** Execution resumes here after the Redis reply rather than on Redisson's I/O threads. */
	private static final Executor RESUME = task -> Schedulers.parallel().schedule(task);

	private final LeakyBucket bucket;

	private final Map<String, DynamicCost> dynamicCosts = new TreeMap<>();

	private final int maxQueryCost;

	Admission(LeakyBucket bucket, List<DynamicCost> dynamicCosts, int maxQueryCost) {
		this.bucket = bucket;
		for (DynamicCost cost : dynamicCosts) {
			this.dynamicCosts.put(cost.fieldName(), cost);
		}
		this.maxQueryCost = maxQueryCost;
	}

	/**
	 * Completes with null when the operation may run, or with the response refusing it.
	 */
	CompletableFuture<@Nullable ExecutionResult> admit(ExecutionContext execution) {
		CostLedger ledger = execution.getGraphQLContext().get(CostLedger.CONTEXT_KEY);
		QueryCost cost = ledger != null ? ledger.requested() : null;
		Viewer client = ledger != null ? ledger.client() : null;
		if (ledger == null || cost == null || client == null) {
			// Not a request of the web layer (no ledger, no caller): nothing to account it to.
			return CompletableFuture.completedFuture(null);
		}
		return dynamicWeight(ledger.operation(), client).toFuture()
			.thenCompose(extra -> {
				if (extra < 0) {
					ledger.refused();
					return CompletableFuture.<@Nullable ExecutionResult>completedFuture(new ExecutionResultImpl(LimitErrors.of(
							ErrorCode.SERVICE_UNAVAILABLE, "The cost of this operation cannot be known right now; retry later")));
				}
				QueryCost total = cost;
				if (extra > 0) {
					total = new QueryCost((int) Math.min(Integer.MAX_VALUE, cost.requested() + extra), cost.depth());
					ledger.repriced(total, (int) Math.min(Integer.MAX_VALUE, extra));
				}
				if (total.requested() > maxQueryCost) {
					ledger.refused();
					return CompletableFuture.<@Nullable ExecutionResult>completedFuture(new ExecutionResultImpl(LimitErrors.of(
							ErrorCode.COST_LIMIT_EXCEEDED, "The operation costs " + total.requested() + " with the data it would walk; at most "
									+ maxQueryCost + " is allowed per request",
							Map.of("cost", total.requested(), "maxQueryCost", maxQueryCost))));
				}
				return take(ledger, client, total);
			})
			.thenApplyAsync(refusal -> refusal, RESUME);
	}

	private CompletableFuture<@Nullable ExecutionResult> take(CostLedger ledger, Viewer client, QueryCost cost) {
		return bucket.take(client, cost.requested())
			.toCompletableFuture()
			.<@Nullable ExecutionResult>handle((outcome, failure) -> {
				if (failure != null) {
					log.warn("Cost bucket unavailable, refusing the request: {}", failure.toString());
					ledger.refused();
					return new ExecutionResultImpl(LimitErrors.of(ErrorCode.SERVICE_UNAVAILABLE,
							"The rate limiter is temporarily unavailable; retry later"));
				}
				if (outcome.allowed()) {
					ledger.admitted(outcome);
					return null;
				}
				ledger.throttled(outcome);
				long retryAfter = outcome.retryAfterSeconds(cost.requested());
				Map<String, Object> details = new LinkedHashMap<>();
				details.put("cost", cost.requested());
				details.put("retryAfterSeconds", retryAfter);
				return new ExecutionResultImpl(LimitErrors.of(ErrorCode.THROTTLED, "The cost budget of this client is spent: "
						+ "this operation costs " + cost.requested() + " and " + outcome.remaining()
						+ " remain; retry after " + retryAfter + " s", details));
			});
	}

	/**
	 * The weight the query's database-priced root fields add, once per selection (aliases count);
	 * -1 when it cannot be known.
	 */
	private Mono<Long> dynamicWeight(@Nullable ExecutableNormalizedOperation operation, Viewer client) {
		if (operation == null || dynamicCosts.isEmpty() || operation.getOperation() != OperationDefinition.Operation.QUERY) {
			return Mono.just(0L);
		}
		Map<String, Integer> selections = new TreeMap<>();
		for (ExecutableNormalizedField field : operation.getTopLevelFields()) {
			if (dynamicCosts.containsKey(field.getFieldName())) {
				selections.merge(field.getFieldName(), 1, Integer::sum);
			}
		}
		return Flux.fromIterable(selections.entrySet())
			.concatMap(selection -> dynamicCosts.get(selection.getKey()).weight(client).map(weight -> (long) weight * selection.getValue()))
			.reduce(0L, Long::sum)
			.onErrorResume(failure -> {
				// Fail closed, as for the buckets: an operation that cannot be priced does not run.
				log.warn("Could not price the database-priced fields, refusing the request: {}", failure.toString());
				return Mono.just(-1L);
			});
	}

}
