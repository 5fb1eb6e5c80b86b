package com.performanceos.platform.analytics;

/**
 * The analytics engine could not be reached or could not take the work now. Nothing was lost: the caller may retry
 * the same append later, and appends are idempotent.
 */
public class AnalyticsUnavailableException extends RuntimeException {

	public AnalyticsUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
