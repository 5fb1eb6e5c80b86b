package com.performanceos.rules.commissions.approval;

import java.util.ArrayList;
import java.util.List;

/** The schema's {@code CommissionApprovalError}: a refusal with its code, a sentence and the input field at fault. */
public record CommissionApprovalError(ApprovalErrorCode code, String message, List<String> field) {

	public static CommissionApprovalError at(ApprovalErrorCode code, String message, String... path) {
		List<String> field = new ArrayList<>(List.of("input"));
		field.addAll(List.of(path));
		return new CommissionApprovalError(code, message, List.copyOf(field));
	}

}
