package com.performanceos.scenarios.planning;

import java.util.List;

import org.jspecify.annotations.Nullable;

import com.performanceos.platform.idempotency.IdempotencyKeys;

/** The schema's {@code ScenarioError}, shared by every scenarios mutation. */
public record ScenarioError(ScenarioErrorCode code, String message, @Nullable List<String> field) {

	public static ScenarioError invalid(String inputField, String message) {
		return new ScenarioError(ScenarioErrorCode.INVALID_INPUT, message, List.of("input", inputField));
	}

	public static ScenarioError conflict() {
		return new ScenarioError(ScenarioErrorCode.IDEMPOTENCY_CONFLICT, IdempotencyKeys.CONFLICT_MESSAGE, List.of("input", "idempotencyKey"));
	}

	public static ScenarioError at(ScenarioErrorCode code, String inputField, String message) {
		return new ScenarioError(code, message, List.of("input", inputField));
	}

}
