package com.performanceos.tenders.bids;

/** The schema's {@code BidStatus}. */
enum BidStatus {

	SUBMITTED, WITHDRAWN

}
