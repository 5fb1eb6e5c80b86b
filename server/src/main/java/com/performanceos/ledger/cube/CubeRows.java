package com.performanceos.ledger.cube;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.performanceos.ledger.cube.LedgerCubeTypes.Cell;
import com.performanceos.ledger.cube.LedgerCubeTypes.Dimension;
import com.performanceos.ledger.cube.LedgerCubeTypes.Input;
import com.performanceos.ledger.cube.LedgerCubeTypes.Measure;
import com.performanceos.ledger.cube.LedgerCubeTypes.Row;
import com.performanceos.platform.analytics.CubeQuery;
import com.performanceos.platform.analytics.CubeResult;
import com.performanceos.platform.analytics.TimeGrain;

/**
 * Turns a cube result's typed values (as the analytics store returns them: LocalDate periods,
 * String dimensions, BigDecimal sums, Long counts) into rows, and to and from the strings the
 * cache keeps. Column positions are found once per result, not once per value.
 */
final class CubeRows {

	private CubeRows() {
	}

	static List<Row> toRows(List<List<@Nullable Object>> values, CubeQuery query, Input input, @Nullable List<UUID> accountFilter) {
		List<String> columns = columns(query);
		int period = columns.indexOf(CubeResult.PERIOD);
		int account = columns.indexOf(Dimension.ACCOUNT.cubeName);
		int currency = columns.indexOf(Dimension.CURRENCY.cubeName);
		int debit = columns.indexOf(Measure.DEBIT.cubeName);
		int credit = columns.indexOf(Measure.CREDIT.cubeName);
		int net = columns.indexOf(Measure.NET.cubeName);
		int lineCount = columns.indexOf(Measure.LINE_COUNT.cubeName);
		List<Row> rows = new ArrayList<>(values.size());
		for (List<@Nullable Object> row : values) {
			LocalDate start = (LocalDate) at(row, period);
			LocalDate end = start == null ? null : periodEnd(start, query.grain());
			String accountKey = (String) at(row, account);
			String currencyCode = (String) at(row, currency);
			Long count = (Long) at(row, lineCount);
			UUID key = accountKey == null ? null : UUID.fromString(accountKey);
			Currency rowCurrency = currencyCode == null ? null : Currency.getInstance(currencyCode);
			Cell cell = new Cell(start != null && start.isAfter(input.effectiveFrom()) ? start : input.effectiveFrom(),
					end != null && end.isBefore(input.effectiveTo()) ? end : input.effectiveTo(), key, rowCurrency, accountFilter,
					input.currencies(), values.size());
			rows.add(new Row(start, end, key, rowCurrency, (BigDecimal) at(row, debit), (BigDecimal) at(row, credit),
					(BigDecimal) at(row, net), count == null ? null : Math.toIntExact(count), cell, null));
		}
		return rows;
	}

	/** The values as the cache keeps them: decimals in plain notation, everything else by its {@code toString}. */
	static List<List<@Nullable String>> toStrings(List<List<@Nullable Object>> values) {
		List<List<@Nullable String>> rows = new ArrayList<>(values.size());
		for (List<@Nullable Object> row : values) {
			List<@Nullable String> strings = new ArrayList<>(row.size());
			for (Object value : row) {
				strings.add(value == null ? null : value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString());
			}
			rows.add(strings);
		}
		return rows;
	}

	/** The typed values back from the cache's strings, by column: what {@link #toRows} reads. */
	static List<List<@Nullable Object>> fromStrings(List<List<@Nullable String>> cached, CubeQuery query) {
		List<String> columns = columns(query);
		List<List<@Nullable Object>> rows = new ArrayList<>(cached.size());
		for (List<@Nullable String> strings : cached) {
			List<@Nullable Object> row = new ArrayList<>(strings.size());
			for (int index = 0; index < strings.size(); index++) {
				String value = strings.get(index);
				row.add(value == null ? null : typed(columns.get(index), value));
			}
			rows.add(row);
		}
		return rows;
	}

	private static Object typed(String column, String value) {
		if (column.equals(CubeResult.PERIOD)) {
			return LocalDate.parse(value);
		}
		if (column.equals(Measure.LINE_COUNT.cubeName)) {
			return Long.valueOf(value);
		}
		// The other measures are sums of decimals; dimensions are kept as the strings they are.
		boolean measure = java.util.Arrays.stream(Measure.values()).anyMatch(candidate -> candidate.cubeName.equals(column));
		return measure ? new BigDecimal(value) : value;
	}

	static LocalDate periodEnd(LocalDate start, @Nullable TimeGrain grain) {
		if (grain == null) {
			return start;
		}
		return switch (grain) {
			case DAY -> start;
			case WEEK -> start.plusDays(6);
			case MONTH -> start.with(TemporalAdjusters.lastDayOfMonth());
			case QUARTER -> start.plusMonths(3).minusDays(1);
			case YEAR -> start.with(TemporalAdjusters.lastDayOfYear());
		};
	}

	/** The result's column names: period (with a grain), then dimensions, then measures, as {@link CubeResult} orders them. */
	private static List<String> columns(CubeQuery query) {
		List<String> columns = new ArrayList<>();
		if (query.grain() != null) {
			columns.add(CubeResult.PERIOD);
		}
		columns.addAll(query.dimensions());
		columns.addAll(query.measures());
		return columns;
	}

	private static @Nullable Object at(List<@Nullable Object> row, int index) {
		return index < 0 ? null : row.get(index);
	}

}
