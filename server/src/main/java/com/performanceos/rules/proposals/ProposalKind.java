package com.performanceos.rules.proposals;

/** What a proposal proposes. */
public enum ProposalKind {

	/** A commission plan (a decision table or an expression) from a sentence, with stored examples. */
	PLAN_FROM_SENTENCE,
	/** The rates that explain past payouts, recovered by deterministic statistics ({@link HistoryMining}), as a decision table. */
	MINED_RULE

}
