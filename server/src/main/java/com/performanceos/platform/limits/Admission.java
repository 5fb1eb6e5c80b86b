package com.performanceos.platform.limits;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import graphql.execution.ExecutionContext;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.scheduler.Schedulers;

import com.performanceos.platform.graphql.ErrorCode;
import com.performanceos.platform.security.Viewer;

/**
 * Pours a priced operation into its client's bucket before execution starts. This is an execution
 * strategy step rather than an instrumentation hook because it waits on Redis: instrumentation
 * hooks are synchronous, and blocking the event loop on a network call would stall every request
 * it serves.
 */
final class Admission {

	private static final Logger log = LoggerFactory.getLogger(Admission.class);

	/** Execution resumes here after the Redis reply rather than on Redisson's I/O threads. */
	private static final Executor RESUME = task -> Schedulers.parallel().schedule(task);

	private final LeakyBucket bucket;

	Admission(LeakyBucket bucket) {
		this.bucket = bucket;
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
			})
			.thenApplyAsync(refusal -> refusal, RESUME);
	}

}
