package com.performanceos.platform.limits;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import graphql.ExecutionResult;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldCompleteParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldParameters;
import graphql.language.OperationDefinition;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

import com.performanceos.platform.graphql.ErrorCode;

/**
 * Bounds the memory one response may take while it is built: every field value the execution
 * produces, and every item of a list, counts one; past {@code max-result-fields} the execution is
 * cancelled (no further field starts) and the partial result is dropped for a
 * {@code RESULT_TOO_LARGE} error. The cost limit bounds objects before execution, but prices scalars
 * at 0 and cannot know how long a list of scalars will be; this counts what is really produced.
 * A subscription's events are counted one event at a time, never summed over the stream.
 */
final class ResultSizeLimit implements Instrumentation {

	private final long maxResultFields;

	private final Counter stopped;

	ResultSizeLimit(LimitsProperties limits, MeterRegistry meters) {
		this.maxResultFields = limits.maxResultFields();
		this.stopped = Counter.builder("graphql.request.cancelled")
			.description("GraphQL operations stopped before they completed")
			.tag("reason", "result-too-large")
			.register(meters);
	}

	@Override
	public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
		return new Produced();
	}

	@Override
	public @Nullable InstrumentationContext<Object> beginFieldExecution(InstrumentationFieldParameters parameters,
			@Nullable InstrumentationState state) {
		count(parameters.getExecutionContext(), state, 1);
		return null;
	}

	@Override
	public @Nullable InstrumentationContext<Object> beginFieldListCompletion(InstrumentationFieldCompleteParameters parameters,
			@Nullable InstrumentationState state) {
		Object items = parameters.getFetchedObject();
		if (items instanceof Collection<?> list) {
			count(parameters.getExecutionContext(), state, list.size());
		}
		return null;
	}

	@Override
	public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
			InstrumentationExecutionParameters parameters, @Nullable InstrumentationState state) {
		if (!(state instanceof Produced produced) || !produced.exceeded()) {
			return CompletableFuture.completedFuture(result);
		}
		return CompletableFuture.completedFuture(ExecutionResult.newExecutionResult()
			.addError(LimitErrors.of(ErrorCode.RESULT_TOO_LARGE, "The response would hold more than " + maxResultFields
					+ " values and was stopped; ask for less (smaller pages, fewer fields)",
					Map.of("maxResultFields", maxResultFields)))
			.build());
	}

	private void count(ExecutionContext execution, @Nullable InstrumentationState state, long values) {
		if (!(state instanceof Produced produced)
				|| execution.getOperationDefinition().getOperation() == OperationDefinition.Operation.SUBSCRIPTION) {
			return;
		}
		if (produced.add(values) > maxResultFields && produced.stop()) {
			stopped.increment();
			// graphql-java starts no further field once its input is cancelled.
			execution.getExecutionInput().cancel();
		}
	}

	/** The values one execution has produced so far. */
	private static final class Produced implements InstrumentationState {

		private final AtomicLong values = new AtomicLong();

		private volatile boolean exceeded;

		long add(long count) {
			return values.addAndGet(count);
		}

		/** True the first time only. */
		synchronized boolean stop() {
			boolean first = !exceeded;
			exceeded = true;
			return first;
		}

		boolean exceeded() {
			return exceeded;
		}

	}

}
