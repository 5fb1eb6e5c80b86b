package com.performanceos.rules.registry;

/**
 * Where a version stands in its lifecycle: DRAFT → IN_REVIEW → APPROVED → PUBLISHED → RETIRED, with a
 * version under review sent back to DRAFT. Migration V40's trigger enforces the same graph in the database.
 */
public enum VersionStatus {

	DRAFT, IN_REVIEW, APPROVED, PUBLISHED, RETIRED;

	/** Whether the version was ever in force: the only versions a rollback may return to. */
	boolean wasPublished() {
		return this == PUBLISHED || this == RETIRED;
	}

}
