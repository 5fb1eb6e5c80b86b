package com.performanceos.platform.limits;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import graphql.ExecutionResult;
import graphql.execution.AsyncExecutionStrategy;
import graphql.execution.AsyncSerialExecutionStrategy;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.ExecutionContext;
import graphql.execution.ExecutionStrategyParameters;
import graphql.execution.SubscriptionExecutionStrategy;

/**
 * graphql-java's own execution strategies, each run only once {@link Admission} has let the
 * operation in. They keep the exception handler Spring GraphQL would have given them.
 */
final class AdmittedExecutionStrategies {

	private AdmittedExecutionStrategies() {
	}

	/** Queries: fields in parallel. */
	static final class Query extends AsyncExecutionStrategy {

		private final Admission admission;

		Query(DataFetcherExceptionHandler exceptionHandler, Admission admission) {
			super(exceptionHandler);
			this.admission = admission;
		}

		@Override
		public CompletableFuture<ExecutionResult> execute(ExecutionContext context, ExecutionStrategyParameters parameters) {
			return admitted(admission, context, () -> super.execute(context, parameters));
		}

	}

	/** Mutations: fields one after the other. */
	static final class Mutation extends AsyncSerialExecutionStrategy {

		private final Admission admission;

		Mutation(DataFetcherExceptionHandler exceptionHandler, Admission admission) {
			super(exceptionHandler);
			this.admission = admission;
		}

		@Override
		public CompletableFuture<ExecutionResult> execute(ExecutionContext context, ExecutionStrategyParameters parameters) {
			return admitted(admission, context, () -> super.execute(context, parameters));
		}

	}

	/** Subscriptions: admitted once, when they start. */
	static final class Subscription extends SubscriptionExecutionStrategy {

		private final Admission admission;

		Subscription(DataFetcherExceptionHandler exceptionHandler, Admission admission) {
			super(exceptionHandler);
			this.admission = admission;
		}

		@Override
		public CompletableFuture<ExecutionResult> execute(ExecutionContext context, ExecutionStrategyParameters parameters) {
			return admitted(admission, context, () -> super.execute(context, parameters));
		}

	}

	/** Runs the execution only if the bucket admits the operation; otherwise answers the refusal. */
	private static CompletableFuture<ExecutionResult> admitted(Admission admission, ExecutionContext context,
			Supplier<CompletableFuture<ExecutionResult>> execution) {
		return admission.admit(context)
			.thenCompose(refusal -> refusal != null ? CompletableFuture.completedFuture(refusal) : execution.get());
	}

}
