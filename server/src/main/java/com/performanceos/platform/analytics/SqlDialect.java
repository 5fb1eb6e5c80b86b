package com.performanceos.platform.analytics;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * What differs between the engines' SQL: literal spelling, time bucketing, aggregate names, table DDL and the
 * modifier that makes reads see deduplicated facts. Identifiers reach a dialect only from definitions checked by
 * {@link Identifiers}; values reach it only through the typed literal methods below.
 */
interface SqlDialect {

	/** A quoted string literal whose content is exactly {@code value}. */
	String stringLiteral(String value);

	String dateLiteral(LocalDate value);

	/** A UTC timestamp literal with second precision. */
	String timestampLiteral(Instant value);

	/** A literal of type Decimal(38, {@link ColumnType#DECIMAL_SCALE}). */
	String decimalLiteral(BigDecimal value);

	/** The first day of the {@code grain} period containing {@code column}, as a date. */
	String period(TimeGrain grain, String column);

	String aggregate(Aggregation aggregation, @Nullable String column);

	/** Placed after the table name in reads, so each fact counts once even before duplicates are merged away. */
	String deduplicatedRead();

	String createTable(FactTable table);

	/** A literal of {@code value} typed for comparison with a column of {@code type}. */
	default String literal(Object value, ColumnType type) {
		if (!type.accepts(value)) {
			throw new IllegalArgumentException("Value of type " + value.getClass().getSimpleName()
					+ " cannot be compared with a " + type + " column");
		}
		return switch (type) {
			case STRING -> stringLiteral((String) value);
			case LONG -> Long.toString((Long) value);
			case DECIMAL -> decimalLiteral(Values.decimal(value));
			case DATE -> dateLiteral(Values.bound((LocalDate) value));
			case TIMESTAMP -> timestampLiteral(Values.boundInstant((Instant) value));
		};
	}

}
