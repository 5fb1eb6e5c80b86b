package com.performanceos.scenarios.recurring;

import java.time.LocalDate;

/**
 * How often a recurring flow comes back. Each cadence accepts intervals within a tolerance of its
 * nominal length, because banks book on working days (a rent due on a Sunday lands on Monday).
 */
public enum Cadence {

	WEEKLY(7, 1),

	MONTHLY(28, 3),

	QUARTERLY(89, 6);

	private final int minimumDays;

	private final int toleranceDays;

	Cadence(int minimumDays, int toleranceDays) {
		this.minimumDays = minimumDays;
		this.toleranceDays = toleranceDays;
	}

	/** Whether a gap between two occurrences fits this cadence (months are 28 to 31 days, quarters 89 to 92). */
	public boolean accepts(long intervalDays) {
		long maximumDays = switch (this) {
			case WEEKLY -> 7;
			case MONTHLY -> 31;
			case QUARTERLY -> 92;
		};
		return intervalDays >= minimumDays - toleranceDays && intervalDays <= maximumDays + toleranceDays;
	}

	/** The date one period after {@code date}, calendar-aware (the 31st monthly falls back to the month's end). */
	public LocalDate next(LocalDate date) {
		return switch (this) {
			case WEEKLY -> date.plusWeeks(1);
			case MONTHLY -> date.plusMonths(1);
			case QUARTERLY -> date.plusMonths(3);
		};
	}

}
