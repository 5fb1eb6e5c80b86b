package com.performanceos.ledger.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How a file is written: its delimiter, decimal separator and date format. Parsing is strict: a
 * value either reads exactly or is reported.
 *
 * @param delimiter the column separator
 * @param decimalComma whether amounts use a comma as decimal separator (French exports) instead of a dot
 * @param dateFormat the pattern of dates, e.g. {@code dd/MM/yyyy}
 */
record ImportOptions(char delimiter, boolean decimalComma, String dateFormat) {

	static final ImportOptions DEFAULT = new ImportOptions(',', false, "yyyy-MM-dd");

	static final int DATE_FORMAT_LENGTH_MAX = 40;

	private static final Pattern DOT_AMOUNT = Pattern.compile("[+-]?[0-9]{1,30}(\\.[0-9]{1,12})?");

	private static final Pattern COMMA_AMOUNT = Pattern.compile("[+-]?[0-9]{1,30}(,[0-9]{1,12})?");

	ImportOptions {
		if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
			throw new IllegalArgumentException("Not a usable delimiter");
		}
		formatter(dateFormat);
	}

	DateTimeFormatter dateFormatter() {
		return formatter(dateFormat);
	}

	/** The amount, ignoring spaces used as thousands separators; empty when not a number. */
	Optional<BigDecimal> amount(String text) {
		String compact = text.replace(" ", "").replace("\u00a0", "").replace("\u202f", "");
		if (!(decimalComma ? COMMA_AMOUNT : DOT_AMOUNT).matcher(compact).matches()) {
			return Optional.empty();
		}
		return Optional.of(new BigDecimal(decimalComma ? compact.replace(',', '.') : compact));
	}

	Optional<LocalDate> date(String text, DateTimeFormatter formatter) {
		try {
			return Optional.of(LocalDate.parse(text, formatter));
		}
		catch (DateTimeParseException ex) {
			return Optional.empty();
		}
	}

	private static DateTimeFormatter formatter(String pattern) {
		if (pattern.isBlank() || pattern.length() > DATE_FORMAT_LENGTH_MAX) {
			throw new IllegalArgumentException("A date format needs 1 to " + DATE_FORMAT_LENGTH_MAX + " characters");
		}
		// Strict: 2026-02-30 is refused rather than silently moved to the end of the month.
		return DateTimeFormatter.ofPattern(pattern.replace("yyyy", "uuuu")).withResolverStyle(ResolverStyle.STRICT);
	}

}
