package com.performanceos.platform.analytics;

/** The aggregate functions a cube measure may use; each dialect renders them in its own spelling. */
public enum Aggregation {
	/** Number of facts; takes no column. */
	COUNT,
	/** Number of distinct non-null values of the column. */
	COUNT_DISTINCT,
	SUM,
	MIN,
	MAX
}
