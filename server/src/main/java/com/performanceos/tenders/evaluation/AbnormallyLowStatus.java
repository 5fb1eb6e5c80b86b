package com.performanceos.tenders.evaluation;

/** The schema's {@code AbnormallyLowStatus}. */
enum AbnormallyLowStatus {

	NONE, JUSTIFICATION_REQUESTED, ACCEPTED, REJECTED

}
