package com.performanceos.scenarios.dunning;

import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** An invoice whose cadence stopped for good. */
record DunningStop(UUID invoiceKey, String invoiceNumber, DunningStopReason reason, @Nullable String note, LocalDate stoppedOn,
		String stoppedBy) {

	/** The actor of the stops a run makes. */
	static final String SYSTEM = "system";

}
