package com.performanceos.scenarios.dunning;

/** The schema's {@code DunningStopReason}. */
enum DunningStopReason {

	PAID, DISPUTED

}
