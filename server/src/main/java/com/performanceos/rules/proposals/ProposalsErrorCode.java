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
	INVALID_DEFINITION

}
