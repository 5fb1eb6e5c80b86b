package com.performanceos.rules.commissions;

import java.util.ArrayList;
import java.util.List;

import com.performanceos.platform.idempotency.IdempotencyKeys;

/** The schema's {@code CommissionsError}, shared by every commissions mutation. */
public record CommissionsError(CommissionsErrorCode code, String message, List<String> field) {

	public static CommissionsError invalid(String message, String... path) {
		return at(CommissionsErrorCode.INVALID_INPUT, message, path);
	}

	public static CommissionsError conflict() {
		return at(CommissionsErrorCode.IDEMPOTENCY_CONFLICT, IdempotencyKeys.CONFLICT_MESSAGE, "idempotencyKey");
	}

	public static CommissionsError at(CommissionsErrorCode code, String message, String... path) {
		List<String> field = new ArrayList<>(List.of("input"));
		field.addAll(List.of(path));
		return new CommissionsError(code, message, List.copyOf(field));
	}

}
