package com.performanceos.platform.limits;

/**
 * What an operation asks for, computed before it runs.
 *
 * @param requested the cost units: objects it may return, connections multiplied by their page size
 * @param depth the deepest field nesting, introspection excluded
 */
record QueryCost(int requested, int depth) {

	QueryCost {
		if (requested < 0 || depth < 0) {
			throw new IllegalArgumentException("Cost and depth are never negative");
		}
	}

}
