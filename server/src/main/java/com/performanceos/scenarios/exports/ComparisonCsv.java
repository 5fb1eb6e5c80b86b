package com.performanceos.scenarios.exports;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.performanceos.platform.documents.CsvRowWriter;
import com.performanceos.scenarios.cash.Bucket;
import com.performanceos.scenarios.cash.CashCategory;
import com.performanceos.scenarios.planning.ForecastView;
import com.performanceos.scenarios.planning.ScenarioComparison;

/**
 * The CSV of a comparison, what {@code compareScenarios} answers as one table: a {@code FORECAST} row per series and
 * bucket (opening, money in and out per category, closing), then a {@code DELTA} row per later series and bucket (that
 * series minus the first: closing and each category; no opening, as the API gives none). Every row names its series by
 * position and label, so each stands on its own in a spreadsheet.
 */
final class ComparisonCsv {

	private ComparisonCsv() {
	}

	/**
	 * One row of the file.
	 *
	 * @param against the label of the first series for a DELTA row, null for a FORECAST row
	 * @param opening null for a DELTA row
	 */
	record Row(String kind, int series, String label, @Nullable String against, String start, String end, String currency,
			@Nullable BigDecimal opening, Map<CashCategory, BigDecimal> inflows, Map<CashCategory, BigDecimal> outflows, BigDecimal closing) {
	}

	/** The rows of a comparison: forecasts first, in the order asked, then deltas. */
	static List<Row> rows(ScenarioComparison comparison) {
		List<Row> rows = new ArrayList<>();
		List<ScenarioComparison.Series> series = comparison.series();
		for (int index = 0; index < series.size(); index++) {
			ForecastView forecast = series.get(index).forecast();
			String currency = forecast.forecast().reportingCurrency();
			for (Bucket bucket : comparison.buckets(forecast)) {
				rows.add(new Row("FORECAST", index, series.get(index).label(), null, bucket.start().toString(), bucket.end().toString(), currency,
						bucket.opening(), bucket.inflows(), bucket.outflows(), bucket.closing()));
			}
		}
		String first = series.getFirst().label();
		for (ScenarioComparison.Delta delta : comparison.deltas()) {
			for (ScenarioComparison.BucketDelta bucket : delta.buckets()) {
				rows.add(new Row("DELTA", delta.series(), series.get(delta.series()).label(), first, bucket.start().toString(),
						bucket.end().toString(), bucket.closing().currency().getCurrencyCode(), null, amounts(bucket.inflows()),
						amounts(bucket.outflows()), bucket.closing().amount()));
			}
		}
		return rows;
	}

	static CsvRowWriter<Row> writer(OutputStream out) {
		return new CsvRowWriter<>(out, header(), ComparisonCsv::fields);
	}

	private static String[] header() {
		List<String> header = new ArrayList<>(List.of("row", "series", "label", "against", "start", "end", "currency", "opening"));
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
		List<@Nullable String> fields = new ArrayList<>(List.of(row.kind(), Integer.toString(row.series()), row.label()));
		fields.add(row.against());
		fields.add(row.start());
		fields.add(row.end());
		fields.add(row.currency());
		fields.add(row.opening() == null ? null : ForecastCsv.amount(row.opening()));
		for (CashCategory category : CashCategory.values()) {
			fields.add(ForecastCsv.amount(row.inflows().getOrDefault(category, BigDecimal.ZERO)));
		}
		for (CashCategory category : CashCategory.values()) {
			fields.add(ForecastCsv.amount(row.outflows().getOrDefault(category, BigDecimal.ZERO)));
		}
		fields.add(ForecastCsv.amount(row.closing()));
		return fields.toArray(String[]::new);
	}

	private static Map<CashCategory, BigDecimal> amounts(List<ForecastView.CategoryAmount> amounts) {
		Map<CashCategory, BigDecimal> byCategory = new EnumMap<>(CashCategory.class);
		amounts.forEach(amount -> byCategory.put(amount.category(), amount.amount().amount()));
		return byCategory;
	}

}
