package com.performanceos.rules.commissions.approval;

/** The schema's {@code CommissionApprovalErrorCode}: every refusal of a run's approval step or of a shadow diff's approval. */
public enum ApprovalErrorCode {

	/** An input field is malformed (names the field). */
	INVALID_INPUT,
	/** No calculation run (or plan version) with this id in the caller's tenant. */
	NOT_FOUND,
	/** Only a run that computed successfully is submitted. */
	RUN_NOT_SUCCEEDED,
	/** The run's approval is not at the status this step starts from. */
	ILLEGAL_TRANSITION,
	/** The caller signed another step of this approval cycle: one person never signs two steps. */
	SEPARATION_OF_DUTIES,
	/** The step the run waits for is taken by another role (a manager, then FINANCE). */
	WRONG_ROLE,
	/** The manager has no rep of the run in their team as of the period (or signed for all of them already). */
	NOT_YOUR_TEAM,
	/** The run has critical anomalies: it cannot be submitted until they are resolved. */
	BLOCKING_ANOMALIES,
	/** Returning or reversing a run needs a reason. */
	REASON_REQUIRED,
	/** The ledger refused the accrual entries (accounts, dimension members, closed period); names its problems. */
	ACCRUAL_REFUSED,
	/** The plan version has no shadow difference waiting for approval. */
	NOTHING_TO_APPROVE

}
