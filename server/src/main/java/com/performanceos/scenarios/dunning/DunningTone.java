package com.performanceos.scenarios.dunning;

/** The schema's {@code DunningTone}: which template a step's message uses. */
enum DunningTone {

	COURTESY, REMINDER, FORMAL_NOTICE

}
