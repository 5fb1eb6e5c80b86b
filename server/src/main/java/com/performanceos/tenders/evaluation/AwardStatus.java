package com.performanceos.tenders.evaluation;

/** The schema's {@code OfferAwardStatus}. */
enum AwardStatus {

	NONE, PENDING, AWARDED, FAILED

}
