package com.performanceos.sdk;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Told to the throttle listener before the client waits out a {@code THROTTLED} answer.
 *
 * @param operationName the operation that was refused
 * @param retry the number of this retry, from 1
 * @param delay how long the client waits before retrying (until the budget's {@code resetAt})
 * @param cost the refused response's cost, when it had one
 * @param traceId the refused response's trace id
 */
public record ThrottledRetry(String operationName, int retry, Duration delay, @Nullable Cost cost,
		@Nullable String traceId) {
}
