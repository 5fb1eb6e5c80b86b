package com.performanceos.platform.analytics;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * ClickHouse SQL that 18.16 understands (and newer servers still do): no date_trunc, no query parameters, so time
 * bucketing uses the toStartOf* family and values are escaped literals.
 */
final class ClickHouseDialect implements SqlDialect {

	/**
	 * Inside a ClickHouse quoted string the backslash is an escape character, so it is escaped before the quote;
	 * escaping only these two makes every other character, newlines included, literal.
	 */
	@Override
	public String stringLiteral(String value) {
		return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
	}

	@Override
	public String dateLiteral(LocalDate value) {
		return "toDate('" + value + "')";
	}

	@Override
	public String timestampLiteral(Instant value) {
		return "toDateTime('" + Values.TIMESTAMP.format(value) + "', 'UTC')";
	}

	@Override
	public String decimalLiteral(BigDecimal value) {
		return "CAST('" + value.toPlainString() + "' AS Decimal(38, " + ColumnType.DECIMAL_SCALE + "))";
	}

	@Override
	public String period(TimeGrain grain, String column) {
		return switch (grain) {
			case DAY -> "toDate(" + column + ")";
			case WEEK -> "toMonday(" + column + ")";
			case MONTH -> "toStartOfMonth(" + column + ")";
			case QUARTER -> "toStartOfQuarter(" + column + ")";
			case YEAR -> "toStartOfYear(" + column + ")";
		};
	}

	@Override
	public String aggregate(Aggregation aggregation, @Nullable String column) {
		return switch (aggregation) {
			case COUNT -> "count()";
			case COUNT_DISTINCT -> "uniqExact(" + column + ")";
			case SUM -> "sum(" + column + ")";
			case MIN -> "min(" + column + ")";
			case MAX -> "max(" + column + ")";
		};
	}

	/** ReplacingMergeTree merges duplicates only eventually; FINAL merges them at read time. */
	@Override
	public String deduplicatedRead() {
		return " FINAL";
	}

	/**
	 * Duplicates of one event share {@code occurred_at}, hence the monthly partition, so FINAL (which deduplicates
	 * within a partition) always sees them together.
	 */
	@Override
	public String createTable(FactTable table) {
		String columns = table.allColumns().stream().map(this::columnDefinition).collect(Collectors.joining(", "));
		return "CREATE TABLE IF NOT EXISTS " + table.name() + " (" + columns + ") ENGINE = ReplacingMergeTree()"
				+ " PARTITION BY toYYYYMM(occurred_at) ORDER BY (tenant_id, event_id)";
	}

	private String columnDefinition(FactTable.Column column) {
		if (column.name().equals("event_id")) {
			return "event_id UUID";
		}
		String type = switch (column.type()) {
			case STRING -> "String";
			case DECIMAL -> "Decimal(38, " + ColumnType.DECIMAL_SCALE + ")";
			case LONG -> "Int64";
			case DATE -> "Date";
			case TIMESTAMP -> "DateTime('UTC')";
		};
		boolean key = FactTable.KEY_COLUMNS.contains(column);
		return column.name() + " " + (key ? type : "Nullable(" + type + ")");
	}

}
