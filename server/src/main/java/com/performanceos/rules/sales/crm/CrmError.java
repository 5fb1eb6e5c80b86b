package com.performanceos.rules.sales.crm;

import java.util.List;

import org.jspecify.annotations.Nullable;

import com.performanceos.platform.idempotency.IdempotencyKeys;

/**
 * The schema's {@code CrmError}: a business refusal of a CRM mutation.
 *
 * @param code why
 * @param message a sentence naming what is at fault
 * @param field the input path at fault, when there is one
 */
record CrmError(CrmErrorCode code, String message, @Nullable List<String> field) {

	static CrmError invalid(String inputField, String message) {
		return new CrmError(CrmErrorCode.INVALID_INPUT, message, List.of("input", inputField));
	}

	static CrmError conflict() {
		return new CrmError(CrmErrorCode.IDEMPOTENCY_CONFLICT, IdempotencyKeys.CONFLICT_MESSAGE, List.of("input", "idempotencyKey"));
	}

}
