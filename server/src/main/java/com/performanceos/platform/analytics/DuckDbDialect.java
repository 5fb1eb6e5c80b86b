package com.performanceos.platform.analytics;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/** DuckDB SQL: standard string literals, typed date literals and date_trunc. */
final class DuckDbDialect implements SqlDialect {

	/** DuckDB strings follow the SQL standard: a backslash is an ordinary character, a quote is doubled. */
	@Override
	public String stringLiteral(String value) {
		return "'" + value.replace("'", "''") + "'";
	}

	@Override
	public String dateLiteral(LocalDate value) {
		return "DATE '" + value + "'";
	}

	/** Timestamps are stored as UTC wall-clock TIMESTAMP, so no session time zone can shift them. */
	@Override
	public String timestampLiteral(Instant value) {
		return "TIMESTAMP '" + Values.TIMESTAMP.format(value) + "'";
	}

	@Override
	public String decimalLiteral(BigDecimal value) {
		return "CAST('" + value.toPlainString() + "' AS DECIMAL(38, " + ColumnType.DECIMAL_SCALE + "))";
	}

	/** DuckDB's week starts on Monday, like ClickHouse's toMonday. */
	@Override
	public String period(TimeGrain grain, String column) {
		return switch (grain) {
			case DAY -> "CAST(" + column + " AS DATE)";
			case WEEK -> "CAST(date_trunc('week', " + column + ") AS DATE)";
			case MONTH -> "CAST(date_trunc('month', " + column + ") AS DATE)";
			case QUARTER -> "CAST(date_trunc('quarter', " + column + ") AS DATE)";
			case YEAR -> "CAST(date_trunc('year', " + column + ") AS DATE)";
		};
	}

	/** Sums of BIGINT come back as HUGEINT; {@link DuckDbAnalyticsStore} narrows them to Long like ClickHouse's Int64. */
	@Override
	public String aggregate(Aggregation aggregation, @Nullable String column) {
		return switch (aggregation) {
			case COUNT -> "count(*)";
			case COUNT_DISTINCT -> "count(DISTINCT " + column + ")";
			case SUM -> "sum(" + column + ")";
			case MIN -> "min(" + column + ")";
			case MAX -> "max(" + column + ")";
		};
	}

	/** The primary key already refused duplicates at insert time. */
	@Override
	public String deduplicatedRead() {
		return "";
	}

	@Override
	public String createTable(FactTable table) {
		String columns = table.allColumns().stream().map(this::columnDefinition).collect(Collectors.joining(", "));
		return "CREATE TABLE IF NOT EXISTS " + table.name() + " (" + columns + ", PRIMARY KEY (tenant_id, event_id))";
	}

	private String columnDefinition(FactTable.Column column) {
		if (column.name().equals("event_id")) {
			return "event_id UUID NOT NULL";
		}
		String type = switch (column.type()) {
			case STRING -> "VARCHAR";
			case DECIMAL -> "DECIMAL(38, " + ColumnType.DECIMAL_SCALE + ")";
			case LONG -> "BIGINT";
			case DATE -> "DATE";
			case TIMESTAMP -> "TIMESTAMP";
		};
		return column.name() + " " + type + (FactTable.KEY_COLUMNS.contains(column) ? " NOT NULL" : "");
	}

}
