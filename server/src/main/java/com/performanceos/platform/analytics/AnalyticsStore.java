package com.performanceos.platform.analytics;

import java.util.List;

/**
 * The analytics port. Every read is scoped to one tenant; every append is idempotent on the event id.
 * Implementations throw {@link AnalyticsUnavailableException} when the engine cannot be reached and
 * {@link IllegalArgumentException} for a query that names something its cube does not declare.
 */
public interface AnalyticsStore extends AutoCloseable {

	/** The most events one append takes, so one call never builds an unbounded insert. */
	int MAX_APPEND_EVENTS = 10_000;

	/** Creates the fact tables if they do not exist; safe to call again. */
	void initialize();

	/** Stores each event once in every fact table that receives its type, however often it is appended. */
	void append(List<AnalyticsEvent> events);

	/** Runs {@code query} over the facts of {@code tenantId} only. */
	CubeResult query(String tenantId, CubeQuery query);

	/** The number of distinct facts of {@code tenantId} in the fact table called {@code factTable}. */
	long count(String tenantId, String factTable);

	/** Whether the engine answers now; never throws. */
	boolean ping();

	/** The engine name, for health details and logs. */
	String engine();

	@Override
	void close();

}
