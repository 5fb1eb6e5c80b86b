package com.performanceos.rules.commissions.shadow;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.performanceos.rules.commissions.approval.ApprovalErrorCode;
import com.performanceos.rules.commissions.approval.CommissionApprovalError;

/** {@code approveCommissionShadowDiff}: FINANCE accepts a plan version's shadow difference, with a justification. */
final class ApproveShadowDiff {

	static final String AUDIT_ACTION = "commissions.shadow-diff.approved";

	/** The longest justification. */
	static final int JUSTIFICATION_LENGTH_MAX = 2_000;

	private ApproveShadowDiff() {
	}

	/** The schema's {@code ApproveCommissionShadowDiffInput}. */
	record Input(String versionId, String justification) {

		List<CommissionApprovalError> validate() {
			List<CommissionApprovalError> errors = new ArrayList<>();
			if (justification.isBlank()) {
				errors.add(CommissionApprovalError.at(ApprovalErrorCode.REASON_REQUIRED, "Say why the difference is right: it is audited", "justification"));
			}
			else if (justification.length() > JUSTIFICATION_LENGTH_MAX) {
				errors.add(CommissionApprovalError.at(ApprovalErrorCode.INVALID_INPUT, "A justification has at most " + JUSTIFICATION_LENGTH_MAX
						+ " characters", "justification"));
			}
			return errors;
		}

	}

	/** The schema's {@code ApproveCommissionShadowDiffPayload}. */
	record Payload(@Nullable ShadowDiff diff, List<CommissionApprovalError> userErrors) {

		static Payload failed(List<CommissionApprovalError> errors) {
			return new Payload(null, errors);
		}

	}

}
