package com.performanceos.platform.limits;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import graphql.ExecutionResult;
import graphql.GraphQLContext;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.normalized.ExecutableNormalizedOperation;
import org.jspecify.annotations.Nullable;

import com.performanceos.platform.graphql.ErrorCode;
import com.performanceos.platform.security.Viewer;

/**
 * Prices every operation after validation and variable coercion and before any resolver runs;
 * refuses it with {@code COST_LIMIT_EXCEEDED} or {@code DEPTH_LIMIT_EXCEEDED} above the limits
 * (graphql-java turns the {@link AbortExecutionException} into a response without data), and
 * prices what the response actually holds once it is complete.
 */
final class CostInstrumentation implements Instrumentation {

	private final LimitsProperties limits;

	/** Loaded once the schema exists (see LimitsConfiguration); null only while the server starts. */
	private volatile @Nullable TrustedOperations trusted;

	CostInstrumentation(LimitsProperties limits) {
		this.limits = limits;
	}

	void trust(TrustedOperations operations) {
		this.trusted = operations;
	}

	@Override
	public @Nullable InstrumentationContext<ExecutionResult> beginExecuteOperation(
			InstrumentationExecuteOperationParameters parameters, @Nullable InstrumentationState state) {
		ExecutionContext execution = parameters.getExecutionContext();
		CostLedger ledger = ledger(execution.getGraphQLContext());
		if (ledger == null) {
			return null;
		}
		refuseUntrusted(execution, ledger);
		ExecutableNormalizedOperation operation;
		try {
			operation = execution.getNormalizedQueryTree().get();
		}
		catch (AbortExecutionException tooManyFields) {
			// graphql-java refuses to normalize an operation with an absurd number of fields.
			ledger.refused();
			throw refusal(ErrorCode.COST_LIMIT_EXCEEDED, "The operation selects too many fields to be priced", Map.of());
		}
		QueryCost cost = new QueryCostCalculator(execution.getGraphQLSchema()).requested(operation);
		ledger.priced(cost, operation);
		if (cost.depth() > limits.maxQueryDepth()) {
			ledger.refused();
			throw refusal(ErrorCode.DEPTH_LIMIT_EXCEEDED, "The operation nests " + cost.depth()
					+ " levels deep; at most " + limits.maxQueryDepth() + " are allowed",
					Map.of("depth", cost.depth(), "maxQueryDepth", limits.maxQueryDepth()));
		}
		if (cost.requested() > limits.maxQueryCost()) {
			ledger.refused();
			throw refusal(ErrorCode.COST_LIMIT_EXCEEDED, "The operation costs " + cost.requested()
					+ "; at most " + limits.maxQueryCost() + " is allowed per request. Ask for smaller pages or fewer fields",
					Map.of("cost", cost.requested(), "maxQueryCost", limits.maxQueryCost()));
		}
		return null;
	}

	@Override
	public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
			InstrumentationExecutionParameters parameters, @Nullable InstrumentationState state) {
		CostLedger ledger = ledger(parameters.getExecutionInput().getGraphQLContext());
		ExecutableNormalizedOperation operation = ledger != null ? ledger.operation() : null;
		if (ledger != null && operation != null && ledger.outcome() == CostLedger.Outcome.ACCEPTED) {
			QueryCost requested = ledger.requested();
			boolean stream = result.getData() instanceof org.reactivestreams.Publisher<?>;
			// A subscription's events are not known yet: it keeps what it requested.
			ledger.actual(stream && requested != null ? requested.requested()
					: new QueryCostCalculator(parameters.getSchema()).actual(operation, result.getData()) + ledger.dynamic());
		}
		return CompletableFuture.completedFuture(result);
	}

	/** Callers restricted to the SDKs' operations are refused anything else, before it is even priced. */
	private void refuseUntrusted(ExecutionContext execution, CostLedger ledger) {
		Viewer client = ledger.client();
		if (client == null || !client.hasAnyRole(limits.trustedOperationsOnlyFor())) {
			return;
		}
		TrustedOperations operations = trusted;
		if (operations == null || !operations.trusts(execution.getOperationDefinition(), execution.getFragmentsByName())) {
			ledger.refused();
			throw refusal(ErrorCode.UNTRUSTED_OPERATION, "This client may only run the operations the Performance OS "
					+ "SDKs ship (api-schema/operations); send one of them unchanged", Map.of());
		}
	}

	private static @Nullable CostLedger ledger(GraphQLContext context) {
		return context.get(CostLedger.CONTEXT_KEY);
	}

	private static AbortExecutionException refusal(ErrorCode code, String message, Map<String, Object> details) {
		return new AbortExecutionException(List.of(LimitErrors.of(code, message, details)));
	}

}
