package com.performanceos.tenders.procurement;

/**
 * The schema's {@code LotStatus}. {@code CLOSED} is never stored: a published lot is closed once the
 * server's clock has passed its tender's deadline.
 */
public enum LotStatus {

	DRAFT, PUBLISHED, CLOSED, EVALUATION, AWARDED, UNSUCCESSFUL, CANCELLED;

	/** The status shown for a stored status, given whether the deadline has passed. */
	static LotStatus shown(String stored, boolean pastDeadline) {
		LotStatus status = valueOf(stored);
		return status == PUBLISHED && pastDeadline ? CLOSED : status;
	}

}
