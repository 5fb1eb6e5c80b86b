package com.performanceos.rules.engine.graphs;

import java.util.List;
import java.util.Map;

import com.performanceos.rules.engine.zen.EvaluationContext;
import org.jspecify.annotations.Nullable;

/**
 * What a sub-decision node calls: another graph, or any decision the resolver wraps (a table, an expression). It
 * shares the caller's evaluation context, so one step budget and one deadline bound the whole decision.
 */
@FunctionalInterface
public interface Decision {

	/**
	 * @param input the sub-decision node's input
	 * @param context the caller's limits and clock
	 * @param resolver how the called decision resolves its own sub-decisions
	 * @param depth how deep this call is nested (1 for a call from the top graph)
	 * @param trace where the called decision records its steps, or null when not tracing
	 */
	@Nullable Object evaluate(@Nullable Object input, EvaluationContext context, DecisionResolver resolver, int depth,
			@Nullable List<Map<String, @Nullable Object>> trace);

}
