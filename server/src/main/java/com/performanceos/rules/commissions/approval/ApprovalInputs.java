package com.performanceos.rules.commissions.approval;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The inputs and payloads of the run approval's mutations: {@code submitCommissionRun}, {@code approveCommissionRun},
 * {@code returnCommissionRun}, {@code markCommissionRunPaid} and {@code reverseCommissionRun} share one input (the run
 * and a comment, which is the required reason of a return or a reversal); {@code escalateCommissionApprovals} takes
 * the instant to escalate as of.
 */
final class ApprovalInputs {

	/** The longest comment or reason. */
	static final int COMMENT_LENGTH_MAX = 2_000;

	private ApprovalInputs() {
	}

	/** The schema's {@code CommissionRunStepInput}. */
	record StepInput(String runId, @Nullable String comment) {

		List<CommissionApprovalError> validate(boolean reasonRequired) {
			List<CommissionApprovalError> errors = new ArrayList<>();
			if (comment != null && comment.length() > COMMENT_LENGTH_MAX) {
				errors.add(CommissionApprovalError.at(ApprovalErrorCode.INVALID_INPUT, "A comment has at most " + COMMENT_LENGTH_MAX + " characters", "comment"));
			}
			if (reasonRequired && (comment == null || comment.isBlank())) {
				errors.add(CommissionApprovalError.at(ApprovalErrorCode.REASON_REQUIRED, "Say why: the reason is kept with the step and audited", "comment"));
			}
			return errors;
		}

		@Nullable String trimmedComment() {
			return comment == null || comment.isBlank() ? null : comment.strip();
		}

	}

	/** The schema's {@code CommissionRunApprovalPayload}. */
	record StepPayload(@Nullable RunApproval approval, List<CommissionApprovalError> userErrors) {

		static StepPayload failed(List<CommissionApprovalError> errors) {
			return new StepPayload(null, errors);
		}

		static StepPayload failed(CommissionApprovalError error) {
			return new StepPayload(null, List.of(error));
		}

	}

	/** The schema's {@code EscalateCommissionApprovalsInput}: escalate as of this instant (now by default). */
	record EscalateInput(@Nullable OffsetDateTime asOf) {
	}

	/** The schema's {@code EscalateCommissionApprovalsPayload}: the runs whose wait this call escalated. */
	record EscalatePayload(List<String> runIds, List<CommissionApprovalError> userErrors) {
	}

}
