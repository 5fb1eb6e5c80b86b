package com.performanceos.scenarios.dunning;

/** Where a push to the tenant's CRM stands. */
enum DunningPushStatus {

	/** Not yet acknowledged by the receiver: retried with backoff. */
	PENDING,

	/** The receiver answered 2xx. */
	DELIVERED,

	/** The tenant removed its receiver before the push was delivered. */
	CANCELLED

}
