package com.performanceos.scenarios.exports;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import com.performanceos.platform.documents.CsvRowWriter;
import com.performanceos.scenarios.cash.Bucket;
import com.performanceos.scenarios.cash.CashCategory;

/**
 * The CSV of an exported forecast: one row per bucket with the version it comes from, opening, money in and out per
 * category, closing. Written by the platform's {@link CsvRowWriter}, so a label a spreadsheet would run as a formula
 * arrives as text.
 */
final class ForecastCsv {

	private ForecastCsv() {
	}

	/** One bucket of the export, with the version's label and number repeated so each row stands on its own. */
	record Row(String label, int number, String currency, Bucket bucket) {
	}

	static CsvRowWriter<Row> writer(OutputStream out) {
		return new CsvRowWriter<>(out, header(), ForecastCsv::fields);
	}

	private static String[] header() {
		List<String> header = new ArrayList<>(List.of("version_label", "version_number", "start", "end", "currency", "opening"));
		for (CashCategory category : CashCategory.values()) {
			header.add("inflow_" + category.name().toLowerCase(Locale.ROOT));
		}
		for (CashCategory category : CashCategory.values()) {
			header.add("outflow_" + category.name().toLowerCase(Locale.ROOT));
		}
		header.add("closing");
		return header.toArray(String[]::new);
	}

	private static @Nullable String[] fields(Row row) {
		Bucket bucket = row.bucket();
		List<String> fields = new ArrayList<>(List.of(row.label(), Integer.toString(row.number()), bucket.start().toString(),
				bucket.end().toString(), row.currency(), amount(bucket.opening())));
		for (CashCategory category : CashCategory.values()) {
			fields.add(amount(bucket.inflow(category)));
		}
		for (CashCategory category : CashCategory.values()) {
			fields.add(amount(bucket.outflow(category)));
		}
		fields.add(amount(bucket.closing()));
		return fields.toArray(String[]::new);
	}

	/** Plain digits with two decimals (−120.50 stays a number a spreadsheet reads as such). */
	static String amount(BigDecimal value) {
		return value.setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString();
	}

}
