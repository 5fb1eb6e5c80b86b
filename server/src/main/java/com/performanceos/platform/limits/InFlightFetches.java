package com.performanceos.platform.limits;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import org.jspecify.annotations.Nullable;

/**
 * The data fetches of one request that are still running, so that stopping the request stops them
 * too. graphql-java's own cancellation only keeps further fields from starting: a fetch already
 * running (a database query waiting on a lock, a slow cube) would go on for nobody. Spring GraphQL
 * turns a controller's {@code Mono} into a {@code CompletableFuture} whose cancellation cancels the
 * {@code Mono}, and with it the database work it subscribed to (see {@code TenantDatabase}).
 */
final class InFlightFetches {

	static final String CONTEXT_KEY = InFlightFetches.class.getName();

	private final Set<CompletableFuture<?>> running = ConcurrentHashMap.newKeySet();

	private volatile boolean cancelled;

	void track(CompletableFuture<?> fetch) {
		if (cancelled) {
			fetch.cancel(false);
			return;
		}
		running.add(fetch);
		fetch.whenComplete((value, failure) -> running.remove(fetch));
	}

	/** Cancels every running fetch, and every one that starts afterwards. */
	void cancelAll() {
		cancelled = true;
		for (CompletableFuture<?> fetch : running) {
			fetch.cancel(false);
		}
		running.clear();
	}

	/** Registers each asynchronous fetch of a request with that request's {@link InFlightFetches}. */
	static final class Tracking implements Instrumentation {

		@Override
		public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters,
				@Nullable InstrumentationState state) {
			return environment -> {
				Object value = dataFetcher.get(environment);
				if (value instanceof CompletableFuture<?> fetch && !fetch.isDone()) {
					InFlightFetches fetches = environment.getGraphQlContext().get(CONTEXT_KEY);
					if (fetches != null) {
						fetches.track(fetch);
					}
				}
				return value;
			};
		}

	}

}
