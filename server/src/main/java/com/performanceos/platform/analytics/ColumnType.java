package com.performanceos.platform.analytics;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The typed value kinds a fact column, a filter value or a result cell may hold; one Java type per kind so both
 * engines return identical values.
 */
public enum ColumnType {
	STRING(String.class),
	/** Fixed scale {@link #DECIMAL_SCALE}: money and quantities never travel as floating point. */
	DECIMAL(BigDecimal.class),
	LONG(Long.class),
	DATE(LocalDate.class),
	/** UTC, second precision: ClickHouse 18.16 has no DateTime64, so both engines store whole seconds. */
	TIMESTAMP(Instant.class);

	/** Digits after the decimal point of every {@link #DECIMAL} column (Decimal(38, 6) in both engines). */
	public static final int DECIMAL_SCALE = 6;

	private final Class<?> javaType;

	ColumnType(Class<?> javaType) {
		this.javaType = javaType;
	}

	/** The Java type of values of this kind, in events, filters and results. */
	public Class<?> javaType() {
		return this.javaType;
	}

	/** Whether {@code value} may be stored in or compared with a column of this kind. */
	boolean accepts(Object value) {
		return this.javaType.isInstance(value) || (this == DECIMAL && value instanceof Long);
	}

}
