package com.performanceos.rules.engine.graphs;

import org.jspecify.annotations.Nullable;

/**
 * Finds the decision a sub-decision node calls, by the key the JDM file names (GoRules uses a file
 * name; the registry uses a published rule's name). Returning null fails the evaluation with
 * {@code UNRESOLVED_DECISION}.
 */
@FunctionalInterface
public interface DecisionResolver {

	/** A resolver that knows no rule: graphs with sub-decisions fail to evaluate. */
	DecisionResolver NONE = (key) -> null;

	@Nullable JdmGraph resolve(String key);

	/** The decision a key names, of any kind; by default the graph {@link #resolve} finds. */
	default @Nullable Decision decision(String key) {
		JdmGraph graph = resolve(key);
		return graph == null ? null : graph.asDecision();
	}

	/** What a trace says about the decision a key resolved to (the registry: rule name and version), or null. */
	default @Nullable Object describe(String key) {
		return null;
	}

}
