package com.performanceos.rules.commissions.approval;

/** Where a run's approval stands; mirrors the schema's {@code CommissionApprovalStatus}. */
enum ApprovalStatus {

	/** Submitted by SALES_OPS; waits for the managers of its reps. */
	SUBMITTED,
	/** Every rep's manager signed (or no rep has one); waits for FINANCE. */
	MANAGER_APPROVED,
	/** FINANCE approved: the accruals are posted; waits for payment. */
	APPROVED,
	/** Paid: the end of the workflow. */
	PAID,
	/** Sent back to SALES_OPS with a reason; submitting again starts a new cycle. */
	RETURNED,
	/** The approved run was cancelled: its accruals are reversed. */
	REVERSED;

	/** Whether the run waits for someone in this status (and so may be escalated). */
	boolean waiting() {
		return this == SUBMITTED || this == MANAGER_APPROVED || this == APPROVED;
	}

}
