package com.performanceos.platform.analytics;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import com.performanceos.platform.validation.SupportedDates;

/**
 * Checks and formats values both engines can represent identically, so the same fact reads back the same from
 * either: decimals within Decimal(38, 6), days and instants within ClickHouse's Date range.
 */
final class Values {

	/**
	 * ClickHouse 18.16 stores Date as days since 1970 and DateTime as 32-bit seconds: the server's one
	 * supported range ({@link SupportedDates}) stays inside both, and is what the edges accept.
	 */
	static final LocalDate MIN_DATE = SupportedDates.MIN;

	static final LocalDate MAX_DATE = SupportedDates.MAX;

	private static final int DECIMAL_PRECISION = 38;

	/** Both engines print timestamps this way in text results and accept it in literals. */
	static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(ZoneOffset.UTC);

	private Values() {
	}

	static BigDecimal decimal(Object value) {
		BigDecimal decimal = (value instanceof Long number) ? BigDecimal.valueOf(number) : (BigDecimal) value;
		BigDecimal scaled;
		try {
			scaled = decimal.setScale(ColumnType.DECIMAL_SCALE);
		}
		catch (ArithmeticException ex) {
			throw new IllegalArgumentException(
					"Decimal " + decimal.toPlainString() + " has more than " + ColumnType.DECIMAL_SCALE + " decimals", ex);
		}
		if (scaled.precision() > DECIMAL_PRECISION) {
			throw new IllegalArgumentException("Decimal " + decimal.toPlainString() + " exceeds Decimal(38, 6)");
		}
		return scaled;
	}

	static LocalDate date(LocalDate value) {
		if (value.isBefore(MIN_DATE) || value.isAfter(MAX_DATE)) {
			throw new IllegalArgumentException("Date " + value + " is outside " + MIN_DATE + " .. " + MAX_DATE);
		}
		return value;
	}

	static Instant instant(Instant value) {
		date(LocalDate.ofInstant(value, ZoneOffset.UTC));
		return value.truncatedTo(ChronoUnit.SECONDS);
	}

	/**
	 * A day compared with in a query: a stored day or the exclusive end of a range over the last
	 * supported day, so one day past {@link #MAX_DATE} is accepted here (never stored).
	 */
	static LocalDate bound(LocalDate value) {
		if (value.isBefore(MIN_DATE) || value.isAfter(MAX_DATE.plusDays(1))) {
			throw new IllegalArgumentException("Date " + value + " is outside " + MIN_DATE + " .. " + MAX_DATE.plusDays(1));
		}
		return value;
	}

	/** An instant compared with in a query, within the days {@link #bound(LocalDate)} accepts. */
	static Instant boundInstant(Instant value) {
		bound(LocalDate.ofInstant(value, ZoneOffset.UTC));
		return value.truncatedTo(ChronoUnit.SECONDS);
	}

	static Instant startOfDay(LocalDate day) {
		return bound(day).atStartOfDay(ZoneOffset.UTC).toInstant();
	}

}
