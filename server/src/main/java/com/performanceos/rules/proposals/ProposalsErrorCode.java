package com.performanceos.rules.proposals;

/** Why a proposals mutation was refused. */
public enum ProposalsErrorCode {

	/** An input field is malformed. */
	INVALID_INPUT,
	/** The idempotency key was used before with another input. */
	IDEMPOTENCY_CONFLICT,
	/** AI is off for this server or for the tenant's module; the deterministic features work as always. */
	AI_DISABLED,
	/** No proposal with this id in the caller's tenant. */
	PROPOSAL_NOT_FOUND,
	/** The proposal's status does not allow this decision. */
	ILLEGAL_TRANSITION,
	/** The edited definition does not check (type error, bad cell, failing example). */
	INVALID_DEFINITION,
	/** The tenant already asks the configured model: there is nothing to replay. */
	NO_MODEL_SWITCH,
	/** The provider did not answer during the replay; nothing was decided, try again later. */
	AI_UNAVAILABLE,
	/** No model switch waits for an approval. */
	NO_PENDING_SWITCH,
	/** This approver cannot approve the switch (already approved by them, or not the role the gate still needs). */
	APPROVAL_NOT_NEEDED,
	/** The tenant has no previous model to return to. */
	NOTHING_TO_ROLL_BACK,
	/** No rate explains enough of the period's payouts to be proposed. */
	NOTHING_MINED

}
