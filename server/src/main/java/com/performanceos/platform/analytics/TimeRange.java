package com.performanceos.platform.analytics;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import com.performanceos.platform.validation.InvalidInputException;
import com.performanceos.platform.validation.SupportedDates;

/**
 * A half-open range of UTC days on a cube's time column: {@code from} included, {@code to} excluded, so
 * consecutive ranges never count a fact twice. Its days lie within {@link SupportedDates}, the range both
 * analytics engines hold; a range outside it is refused ({@link InvalidInputException}) rather than sent to them.
 *
 * @param from the first day included
 * @param to the first day no longer included
 */
public record TimeRange(LocalDate from, LocalDate to) {

	/** A century of days: wide enough for any report, narrow enough to catch a swapped or garbage bound. */
	public static final long MAX_DAYS = 36_525;

	public TimeRange {
		if (!from.isBefore(to)) {
			throw new IllegalArgumentException("Time range must end after it starts: " + from + " .. " + to);
		}
		if (!SupportedDates.contains(from) || !SupportedDates.contains(to.minusDays(1))) {
			throw new InvalidInputException("The time range must cover days " + SupportedDates.describe() + ", got " + from + " .. " + to.minusDays(1));
		}
		if (ChronoUnit.DAYS.between(from, to) > MAX_DAYS) {
			throw new IllegalArgumentException("Time range spans more than " + MAX_DAYS + " days");
		}
	}

}
