package com.performanceos.ledger.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import com.performanceos.platform.privacy.PersonalDataDetector;
import com.performanceos.platform.validation.ControlCharacters;
import com.performanceos.platform.validation.InvalidInputException;
import com.performanceos.platform.validation.SupportedDates;

/** Checks of single values shared by the kinds; each reports its problem and returns null when the value is unusable. */
final class RowChecks {

	static final int TEXT_LENGTH_MAX = 500;

	static final int AMOUNT_SCALE_MAX = 6;

	private RowChecks() {
	}

	static @Nullable String required(ImportContext context, SourceRow row, ImportField field, ImportReport report) {
		String value = row.value(field);
		if (value == null) {
			report.error(row.number(), context.column(field), ImportProblemCode.MISSING_VALUE, "A value is required");
			return null;
		}
		if (value.length() > TEXT_LENGTH_MAX) {
			report.error(row.number(), context.column(field), ImportProblemCode.INVALID_VALUE,
					"The value is longer than " + TEXT_LENGTH_MAX + " characters");
			return null;
		}
		return value;
	}

	static @Nullable LocalDate date(ImportContext context, SourceRow row, ImportField field, ImportReport report) {
		String value = required(context, row, field, report);
		if (value == null) {
			return null;
		}
		LocalDate date = context.options().date(value, context.dates()).orElse(null);
		if (date == null) {
			report.error(row.number(), context.column(field), ImportProblemCode.INVALID_DATE,
					"'" + value + "' is not a date in the format " + context.options().dateFormat());
			return null;
		}
		if (!SupportedDates.contains(date)) {
			report.error(row.number(), context.column(field), ImportProblemCode.INVALID_DATE,
					"'" + value + "' is outside the supported dates, " + SupportedDates.describe());
			return null;
		}
		return date;
	}

	/**
	 * Reports each mapped cell holding a control character not allowed in its field (NUL never; in
	 * identifiers no control at all, in free text tab and line breaks only), naming row and column;
	 * true when the row is clean. A refused row is not passed on, and its error keeps the whole file
	 * from being applied.
	 */
	static boolean controlCharacters(ImportContext context, int rowNumber, Map<ImportField, String> values, ImportReport report) {
		boolean clean = true;
		for (Map.Entry<ImportField, String> cell : values.entrySet()) {
			ControlCharacters.Kind kind = cell.getKey().freeText() ? ControlCharacters.Kind.FREE_TEXT : ControlCharacters.Kind.IDENTIFIER;
			try {
				ControlCharacters.check(cell.getValue(), kind);
			}
			catch (InvalidInputException ex) {
				report.error(rowNumber, context.column(cell.getKey()), ImportProblemCode.INVALID_VALUE, ex.about("The value"));
				clean = false;
			}
		}
		return clean;
	}

	/** An amount when the field holds one; null (without a report) when empty, null with a report when malformed. */
	static @Nullable BigDecimal optionalAmount(ImportContext context, SourceRow row, ImportField field, ImportReport report) {
		String value = row.value(field);
		if (value == null) {
			return null;
		}
		BigDecimal amount = context.options().amount(value).orElse(null);
		if (amount == null) {
			report.error(row.number(), context.column(field), ImportProblemCode.INVALID_AMOUNT, "'" + value + "' is not an amount"
					+ (context.options().decimalComma() ? " with a decimal comma" : " with a decimal point"));
			return null;
		}
		if (amount.stripTrailingZeros().scale() > AMOUNT_SCALE_MAX) {
			report.error(row.number(), context.column(field), ImportProblemCode.INVALID_AMOUNT,
					"The amount has more than " + AMOUNT_SCALE_MAX + " decimals");
			return null;
		}
		return amount;
	}

	static @Nullable BigDecimal amount(ImportContext context, SourceRow row, ImportField field, ImportReport report) {
		if (row.value(field) == null) {
			report.error(row.number(), context.column(field), ImportProblemCode.MISSING_VALUE, "An amount is required");
			return null;
		}
		return optionalAmount(context, row, field, report);
	}

	static @Nullable Currency currency(ImportContext context, SourceRow row, ImportReport report) {
		String value = required(context, row, ImportField.CURRENCY, report);
		if (value == null) {
			return null;
		}
		try {
			if (value.length() == 3) {
				return Currency.getInstance(value.toUpperCase(java.util.Locale.ROOT));
			}
		}
		catch (IllegalArgumentException ex) {
			// Reported below like any other non-ISO code.
		}
		report.error(row.number(), context.column(ImportField.CURRENCY), ImportProblemCode.INVALID_CURRENCY,
				"'" + value + "' is not an ISO 4217 currency code");
		return null;
	}

	/**
	 * Warns about personal data in the row's free-text fields, naming the kinds found but never the
	 * values. Identifiers such as rep names are not inspected: a name alone is expected there.
	 */
	static void personalData(ImportContext context, SourceRow row, Set<ImportField> inspected, ImportReport report) {
		for (ImportField field : inspected) {
			String value = row.value(field);
			if (field.freeText() && value != null) {
				var kinds = PersonalDataDetector.find(value).stream().map(finding -> finding.kind().name()).distinct().sorted().toList();
				if (!kinds.isEmpty()) {
					report.warning(row.number(), context.column(field), ImportProblemCode.PERSONAL_DATA_DETECTED,
							"Personal data (" + String.join(", ", kinds) + ") found in this free-text field; it is kept in the ledger and "
									+ "pseudonymised or redacted before reaching analytics");
				}
			}
		}
	}

}
