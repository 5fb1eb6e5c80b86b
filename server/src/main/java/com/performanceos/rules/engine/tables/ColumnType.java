package com.performanceos.rules.engine.tables;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/** The type of a table column; literal cells are checked against it when the table is built. */
public enum ColumnType {

	NUMBER, STRING, BOOLEAN,
	/** Seconds since the epoch, as ZEN's {@code date()} gives; literals are numbers or {@code date("...")}. */
	DATE,
	/** No check. */
	ANY;

	boolean accepts(@Nullable Object literal) {
		return switch (this) {
			case NUMBER, DATE -> literal instanceof BigDecimal;
			case STRING -> literal instanceof String;
			case BOOLEAN -> literal instanceof Boolean;
			case ANY -> true;
		};
	}

	boolean ordered() {
		return this == NUMBER || this == DATE || this == ANY;
	}

}
