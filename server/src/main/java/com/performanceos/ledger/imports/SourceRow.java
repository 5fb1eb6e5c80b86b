package com.performanceos.ledger.imports;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One data row of a file, by target field.
 *
 * @param number the row's number among data rows, 1 for the first row after the header
 * @param values the mapped columns' values (stripped); unmapped columns are not kept
 */
record SourceRow(int number, Map<ImportField, String> values) {

	SourceRow {
		values = Map.copyOf(values);
	}

	/** The value of a field, null when unmapped or empty. */
	@Nullable String value(ImportField field) {
		String value = values.get(field);
		return value == null || value.isEmpty() ? null : value;
	}

}
