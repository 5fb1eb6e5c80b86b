package com.performanceos.rules.engine.zen;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;

import org.jspecify.annotations.Nullable;

/**
 * ZEN's date functions, in UTC. A date is a number of seconds since the epoch (as in ZEN's
 * {@code date()}); {@code time()} is seconds since midnight. {@code 'now'} is the context's clock.
 */
final class Dates {

	private Dates() {
	}

	static Object call(String name, @Nullable Object argument, EvaluationContext context) {
		return switch (name) {
			case "date" -> BigDecimal.valueOf(epochSeconds(argument, context));
			case "time" -> BigDecimal.valueOf(timeOfDay(argument, context));
			default -> {
				ZonedDateTime dateTime = Instant.ofEpochSecond(epochSeconds(argument, context)).atZone(ZoneOffset.UTC);
				yield BigDecimal.valueOf(switch (name) {
					case "dayOfWeek" -> dateTime.getDayOfWeek().getValue();
					case "dayOfMonth" -> dateTime.getDayOfMonth();
					case "dayOfYear" -> dateTime.getDayOfYear();
					case "weekOfYear" -> dateTime.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
					case "monthOfYear" -> dateTime.getMonthValue();
					case "year" -> dateTime.getYear();
					default -> throw Scope.error("unknown function " + name);
				});
			}
		};
	}

	static long epochSeconds(@Nullable Object value, EvaluationContext context) {
		if (value instanceof BigDecimal number) {
			return number.longValue();
		}
		if (!(value instanceof String text)) {
			throw Scope.error("date expects a string or a number, got " + Values.typeName(value));
		}
		if (text.equals("now")) {
			return context.nowEpochSeconds();
		}
		try {
			if (text.length() <= 10) {
				return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
			}
			String iso = text.replace(' ', 'T');
			if (iso.endsWith("Z") || iso.matches(".*[+-]\\d\\d:?\\d\\d$")) {
				return OffsetDateTime.parse(iso).toEpochSecond();
			}
			return LocalDateTime.parse(iso).toEpochSecond(ZoneOffset.UTC);
		}
		catch (DateTimeParseException ex) {
			throw Scope.error("not a date: '" + text + "'");
		}
	}

	private static long timeOfDay(@Nullable Object value, EvaluationContext context) {
		if (value instanceof String text && text.length() <= 8 && text.indexOf(':') > 0) {
			try {
				return LocalTime.parse(text.length() == 5 ? text + ":00" : text).toSecondOfDay();
			}
			catch (DateTimeParseException ex) {
				throw Scope.error("not a time: '" + text + "'");
			}
		}
		return Math.floorMod(epochSeconds(value, context), 86_400L);
	}

}
