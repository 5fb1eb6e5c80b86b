package com.performanceos.rules.commissions.approval;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The approval's own rules, without a database: where each step starts from and who may sign it. */
class RunApprovalTests {

	private static final Instant AT = Instant.parse("2026-04-01T08:00:00Z");

	private static ApprovalStep step(int seq, int cycle, ApprovalAction action, String actor) {
		return new ApprovalStep(seq, cycle, action, actor, List.of(), null, AT);
	}

	private static RunApproval approval(ApprovalStatus status, int cycle, ApprovalStep... steps) {
		return new RunApproval(UUID.randomUUID(), status, cycle, AT, null, List.of(), List.of(), List.of(steps));
	}

	@Test
	void aRunNeverSubmittedCanOnlyBeSubmitted() {
		assertThat(RunApproval.refusal(null, ApprovalAction.SUBMIT, "sam")).isNull();
		for (ApprovalAction action : List.of(ApprovalAction.MANAGER_APPROVE, ApprovalAction.FINANCE_APPROVE, ApprovalAction.PAY, ApprovalAction.RETURN,
				ApprovalAction.REVERSE)) {
			assertThat(RunApproval.refusal(null, action, "fiona")).extracting(CommissionApprovalError::code).isEqualTo(ApprovalErrorCode.ILLEGAL_TRANSITION);
		}
	}

	@Test
	void theSubmitterNeverApprovesAndNoOneSignsTwoStepsOfACycle() {
		RunApproval submitted = approval(ApprovalStatus.SUBMITTED, 1, step(1, 1, ApprovalAction.SUBMIT, "sam"));
		assertThat(RunApproval.refusal(submitted, ApprovalAction.MANAGER_APPROVE, "sam")).extracting(CommissionApprovalError::code)
			.isEqualTo(ApprovalErrorCode.SEPARATION_OF_DUTIES);
		assertThat(RunApproval.refusal(submitted, ApprovalAction.MANAGER_APPROVE, "max")).isNull();

		RunApproval approved = approval(ApprovalStatus.APPROVED, 1, step(1, 1, ApprovalAction.SUBMIT, "sam"),
				step(2, 1, ApprovalAction.MANAGER_APPROVE, "max"), step(3, 1, ApprovalAction.FINANCE_APPROVE, "fiona"));
		assertThat(RunApproval.refusal(approved, ApprovalAction.PAY, "fiona")).extracting(CommissionApprovalError::code)
			.isEqualTo(ApprovalErrorCode.SEPARATION_OF_DUTIES);
		assertThat(RunApproval.refusal(approved, ApprovalAction.PAY, "felix")).isNull();
		// A reversal signs nothing: an approver may cancel what they approved.
		assertThat(RunApproval.refusal(approved, ApprovalAction.REVERSE, "fiona")).isNull();
	}

	@Test
	void aReturnStartsACycleInWhichEarlierSignaturesNoLongerCount() {
		RunApproval returned = approval(ApprovalStatus.SUBMITTED, 2, step(1, 1, ApprovalAction.SUBMIT, "sam"),
				step(2, 1, ApprovalAction.MANAGER_APPROVE, "max"), step(3, 1, ApprovalAction.RETURN, "fiona"), step(4, 2, ApprovalAction.SUBMIT, "sam"));
		assertThat(RunApproval.refusal(returned, ApprovalAction.MANAGER_APPROVE, "max")).isNull();
		assertThat(returned.signedReps()).isEmpty();
		assertThat(returned.nextSeq()).isEqualTo(5);
	}

	@Test
	void aPaidOrReversedRunTakesNoFurtherStep() {
		for (ApprovalStatus status : List.of(ApprovalStatus.PAID, ApprovalStatus.REVERSED)) {
			RunApproval done = approval(status, 1);
			for (ApprovalAction action : ApprovalAction.values()) {
				assertThat(RunApproval.refusal(done, action, "someone")).as("%s after %s", action, status).extracting(CommissionApprovalError::code)
					.isEqualTo(ApprovalErrorCode.ILLEGAL_TRANSITION);
			}
		}
	}

}
