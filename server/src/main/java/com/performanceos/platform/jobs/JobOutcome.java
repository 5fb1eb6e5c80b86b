package com.performanceos.platform.jobs;

import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * How a job's work ended: succeeded with a result, or failed with a reason (and possibly a result
 * too, such as a validation report's summary).
 */
public record JobOutcome(boolean succeeded, Map<String, Object> result, @Nullable String error) {

	public JobOutcome {
		result = Map.copyOf(result);
		if (!succeeded) {
			Objects.requireNonNull(error, "a failure needs its reason");
		}
	}

	public static JobOutcome succeeded(Map<String, Object> result) {
		return new JobOutcome(true, result, null);
	}

	public static JobOutcome failed(String error, Map<String, Object> result) {
		return new JobOutcome(false, result, error);
	}

}
