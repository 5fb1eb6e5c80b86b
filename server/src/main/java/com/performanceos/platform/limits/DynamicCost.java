package com.performanceos.platform.limits;

import reactor.core.publisher.Mono;

import com.performanceos.platform.security.Viewer;

/**
 * A root query field whose work grows with data only the database knows (the length of a chain it
 * walks, the rows it scans), so that its static weight would underprice it. Its weight is looked up
 * when the operation is admitted, before any resolver runs, and added once per selection (each
 * alias counts): the total is then held to {@code max-query-cost} and poured into the buckets like
 * any other cost.
 */
public interface DynamicCost {

	/** The {@code Query} field priced. */
	String fieldName();

	/** What one selection of the field costs this caller, on top of its static weight. */
	Mono<Integer> weight(Viewer viewer);

}
