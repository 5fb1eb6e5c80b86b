package com.performanceos.rules.engine.graphs;

import org.jspecify.annotations.Nullable;

/**
 * Finds the graph a sub-decision node calls, by the key the JDM file names (GoRules uses a file
 * name; the registry will use a published rule's name). Returning null fails the evaluation with
 * {@code UNRESOLVED_DECISION}.
 */
@FunctionalInterface
public interface DecisionResolver {

	/** A resolver that knows no rule: graphs with sub-decisions fail to evaluate. */
	DecisionResolver NONE = (key) -> null;

	@Nullable JdmGraph resolve(String key);

}
