package com.performanceos.platform.validation;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * The one calendar range the server accepts, stores and analyses: {@link #MIN} to {@link #MAX}, both
 * included, for dates and for instants (UTC). It is the range both analytics engines hold: ClickHouse 18.16
 * keeps a {@code Date} as unsigned days since 1970 and a {@code DateTime} as unsigned 32-bit seconds (so
 * nothing before 1970, nothing after 2106), DuckDB holds far more. A date outside it is a client mistake
 * (a typo such as 9999-12-31 or 0001-01-01), refused at the edge rather than stored and later refused by
 * analytics.
 *
 * <p>
 * Dates are parsed strictly ({@link ResolverStyle#STRICT}): {@code 2026-02-30} is refused, never clamped
 * to the last day of the month.
 */
public final class SupportedDates {

	/** The first supported day. */
	public static final LocalDate MIN = LocalDate.of(1970, 1, 1);

	/** The last supported day. */
	public static final LocalDate MAX = LocalDate.of(2099, 12, 31);

	/** The first supported instant: the start of {@link #MIN} in UTC. */
	public static final Instant MIN_INSTANT = MIN.atStartOfDay(ZoneOffset.UTC).toInstant();

	/** The first instant no longer supported: the end of {@link #MAX} in UTC. */
	public static final Instant END_INSTANT = MAX.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();

	/** {@code yyyy-MM-dd} with a four-digit year, no sign, and no day beyond the month's last. */
	private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

	/** Longest text worth parsing as a date or date-time; longer input is refused unread. */
	private static final int TEXT_LENGTH_MAX = 64;

	private SupportedDates() {
	}

	/** The range in words, for error messages. */
	public static String describe() {
		return "between " + MIN + " and " + MAX;
	}

	public static boolean contains(LocalDate date) {
		return !date.isBefore(MIN) && !date.isAfter(MAX);
	}

	public static boolean contains(Instant instant) {
		return !instant.isBefore(MIN_INSTANT) && instant.isBefore(END_INSTANT);
	}

	/** Whether the text is a real calendar day as {@code yyyy-MM-dd}, in or out of the supported range. */
	public static boolean isCalendarDate(String text) {
		try {
			LocalDate.parse(text, ISO_DATE);
			return true;
		}
		catch (DateTimeParseException ex) {
			return false;
		}
	}

	/**
	 * A supported date from its ISO text ({@code 2026-03-31}).
	 * @throws InvalidInputException when the text is not a real calendar date or lies outside the range
	 */
	public static LocalDate parseDate(String text) {
		if (text.length() > TEXT_LENGTH_MAX) {
			throw new InvalidInputException("is not a date (too long)");
		}
		LocalDate date;
		try {
			date = LocalDate.parse(text, ISO_DATE);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException("is not a calendar date such as 2026-03-31: \"" + Texts.printable(text) + "\"");
		}
		return check(date);
	}

	/**
	 * A supported instant from RFC 3339 text with an offset ({@code 2026-11-21T14:24:00Z}).
	 * @throws InvalidInputException when the text is not such a date-time or lies outside the range
	 */
	public static Instant parseDateTime(String text) {
		return check(parseOffsetDateTime(text));
	}

	/**
	 * A supported date-time with the offset it was given in, from RFC 3339 text.
	 * @throws InvalidInputException when the text is not such a date-time or lies outside the range
	 */
	public static OffsetDateTime parseOffsetDateTime(String text) {
		if (text.length() > TEXT_LENGTH_MAX) {
			throw new InvalidInputException("is not a date-time (too long)");
		}
		OffsetDateTime dateTime;
		try {
			dateTime = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException("is not an RFC 3339 date-time with an offset such as 2026-11-21T14:24:00Z: \""
					+ Texts.printable(text) + "\"");
		}
		check(dateTime);
		return dateTime;
	}

	/** The date itself when supported. @throws InvalidInputException otherwise */
	public static LocalDate check(LocalDate date) {
		if (!contains(date)) {
			throw new InvalidInputException("must be a date " + describe() + ", got " + date);
		}
		return date;
	}

	/** The instant of a date-time when supported. @throws InvalidInputException otherwise */
	public static Instant check(OffsetDateTime dateTime) {
		Instant instant;
		try {
			instant = dateTime.toInstant();
		}
		catch (DateTimeException ex) {
			throw new InvalidInputException("must be a date-time " + describe() + ", got " + dateTime);
		}
		if (!contains(instant)) {
			throw new InvalidInputException("must be a date-time " + describe() + " (UTC), got " + dateTime);
		}
		return instant;
	}

}
