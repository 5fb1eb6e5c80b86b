package com.performanceos.rules.proposals;

/**
 * What a regression replay's divergence (the share of example outputs the new model's plans compute differently from
 * the accepted ones) requires before the switch: under 0.1 % it is accepted and admins informed; from 0.1 % to 1 % an
 * ADMIN approves; above 1 % an ADMIN and a FINANCE approver both do.
 */
enum ReplayGate {

	ACCEPTED, NEEDS_ADMIN, NEEDS_ADMIN_AND_FINANCE;

	/** The gate for {@code differing} of {@code compared} outputs (exact: no floating point at the thresholds). */
	static ReplayGate of(int compared, int differing) {
		if (differing < 0 || compared < 0 || differing > compared) {
			throw new IllegalArgumentException("differing must be 0 to compared");
		}
		// differing / compared < 0.1 %  <=>  1000 * differing < compared; nothing to compare diverges in nothing.
		if (compared == 0 || 1_000L * differing < compared) {
			return ACCEPTED;
		}
		// differing / compared <= 1 %  <=>  100 * differing <= compared
		if (100L * differing <= compared) {
			return NEEDS_ADMIN;
		}
		return NEEDS_ADMIN_AND_FINANCE;
	}

	boolean satisfiedBy(boolean adminApproved, boolean financeApproved) {
		return switch (this) {
			case ACCEPTED -> true;
			case NEEDS_ADMIN -> adminApproved;
			case NEEDS_ADMIN_AND_FINANCE -> adminApproved && financeApproved;
		};
	}

}
