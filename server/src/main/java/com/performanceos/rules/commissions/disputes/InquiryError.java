package com.performanceos.rules.commissions.disputes;

import java.util.ArrayList;
import java.util.List;

import com.performanceos.platform.idempotency.IdempotencyKeys;

/** The schema's {@code CommissionInquiryError}. */
record InquiryError(InquiryErrorCode code, String message, List<String> field) {

	static InquiryError invalid(String message, String... path) {
		return at(InquiryErrorCode.INVALID_INPUT, message, path);
	}

	static InquiryError conflict() {
		return at(InquiryErrorCode.IDEMPOTENCY_CONFLICT, IdempotencyKeys.CONFLICT_MESSAGE, "idempotencyKey");
	}

	static InquiryError at(InquiryErrorCode code, String message, String... path) {
		List<String> field = new ArrayList<>(List.of("input"));
		field.addAll(List.of(path));
		return new InquiryError(code, message, List.copyOf(field));
	}

}
