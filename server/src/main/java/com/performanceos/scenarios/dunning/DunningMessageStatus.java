package com.performanceos.scenarios.dunning;

/** The schema's {@code DunningMessageStatus}; the migration V110 explains each state. */
enum DunningMessageStatus {

	PENDING, SENT, FAILED, BOUNCED, SKIPPED

}
