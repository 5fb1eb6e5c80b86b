package com.performanceos.platform.analytics;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A half-open range of UTC days on a cube's time column: {@code from} included, {@code to} excluded, so
 * consecutive ranges never count a fact twice.
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
		if (ChronoUnit.DAYS.between(from, to) > MAX_DAYS) {
			throw new IllegalArgumentException("Time range spans more than " + MAX_DAYS + " days");
		}
	}

}
