package com.performanceos.rules.proposals;

/**
 * Where a proposal stands: QUEUED (waiting for the provider, with the reason) → PROPOSED or FAILED (the answer did not
 * validate, with the reason); a PROPOSED one is ACCEPTED (it became a DRAFT version) or REJECTED, a QUEUED one may be
 * REJECTED too (its late answer is then ignored).
 */
public enum ProposalStatus {

	QUEUED, PROPOSED, FAILED, ACCEPTED, REJECTED

}
