package com.performanceos.platform.analytics;

/** The period a query buckets its time column into; periods are reported as their first day. */
public enum TimeGrain {
	DAY,
	/** ISO weeks, starting on Monday in both engines. */
	WEEK,
	MONTH,
	QUARTER,
	YEAR
}
