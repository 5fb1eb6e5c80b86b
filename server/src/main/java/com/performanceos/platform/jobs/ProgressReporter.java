package com.performanceos.platform.jobs;

import org.jspecify.annotations.Nullable;

/**
 * Given to a job's work to report how far it got. Cheap to call for every row: it only remembers
 * the latest value; publication to subscribers and to PostgreSQL is throttled behind it.
 */
public interface ProgressReporter {

	/** Sets the units done and, when known, the total. */
	void report(long done, @Nullable Long total);

}
