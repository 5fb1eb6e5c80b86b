package com.performanceos.platform.analytics;

import java.util.HashSet;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A question to one cube: measures broken down by dimensions and, optionally, a time grain. Only names the
 * {@link CubeDefinition} declares are accepted; the store checks them when it runs the query.
 *
 * @param cube the cube name
 * @param measures the measure names, reported in this order after the period and the dimensions
 * @param dimensions the dimension names to group by
 * @param grain the period to bucket the cube's time column into, or null for no time breakdown
 * @param filters conditions combined with AND
 * @param range the days to include, or null for all time
 * @param limit the most rows returned, 1 to {@link #MAX_LIMIT}
 */
public record CubeQuery(String cube, List<String> measures, List<String> dimensions, @Nullable TimeGrain grain,
		List<Filter> filters, @Nullable TimeRange range, int limit) {

	/**
	 * The most rows one query returns. Results are materialised in memory and shipped over GraphQL, so a bigger
	 * answer is a request for an export, not a query.
	 */
	public static final int MAX_LIMIT = 10_000;

	public static final int MAX_MEASURES = 20;

	public static final int MAX_DIMENSIONS = 10;

	public static final int MAX_FILTERS = 20;

	public CubeQuery {
		measures = List.copyOf(measures);
		dimensions = List.copyOf(dimensions);
		filters = List.copyOf(filters);
		if (measures.isEmpty() || measures.size() > MAX_MEASURES) {
			throw new IllegalArgumentException("A query takes 1 to " + MAX_MEASURES + " measures, got " + measures.size());
		}
		if (dimensions.size() > MAX_DIMENSIONS) {
			throw new IllegalArgumentException("A query takes at most " + MAX_DIMENSIONS + " dimensions");
		}
		if (filters.size() > MAX_FILTERS) {
			throw new IllegalArgumentException("A query takes at most " + MAX_FILTERS + " filters");
		}
		if (new HashSet<>(measures).size() != measures.size() || new HashSet<>(dimensions).size() != dimensions.size()) {
			throw new IllegalArgumentException("A query names a measure or dimension twice");
		}
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new IllegalArgumentException("Limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
		}
	}

}
