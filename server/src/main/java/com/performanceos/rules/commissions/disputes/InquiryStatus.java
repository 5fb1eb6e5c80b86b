package com.performanceos.rules.commissions.disputes;

/** The schema's {@code CommissionInquiryStatus}. */
enum InquiryStatus {

	/** Waiting for SALES_OPS: just opened, or the rep replied to an answer. */
	OPEN,
	/** SALES_OPS answered; waiting for the rep or for a decision. */
	ANSWERED,
	/** Closed by SALES_OPS, with or without an adjustment. */
	RESOLVED,
	/** Closed by SALES_OPS: the line stands as it is. */
	REJECTED;

	boolean closed() {
		return this == RESOLVED || this == REJECTED;
	}

}
