package com.performanceos.scenarios.dunning;

import java.time.LocalDate;

/**
 * One step of a cadence (also the schema's {@code DunningStepInput}).
 *
 * @param offsetDays days from the invoice's due date: -3 is J-3, 30 is J+30
 */
record DunningStep(int offsetDays, DunningChannel channel, DunningTone tone) {

	static final int OFFSET_MIN = -90;

	static final int OFFSET_MAX = 365;

	/** The day this step falls on for an invoice due on {@code dueDate}. */
	LocalDate dayFor(LocalDate dueDate) {
		return dueDate.plusDays(offsetDays);
	}

}
