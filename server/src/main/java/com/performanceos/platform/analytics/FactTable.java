package com.performanceos.platform.analytics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An append-only table of facts, one row per {@link AnalyticsEvent}. Every fact table has the key columns
 * {@code event_id}, {@code tenant_id}, {@code type} and {@code occurred_at}; {@code columns} adds typed attribute
 * columns filled from the event's attributes of the same name (absent attributes are stored as NULL).
 *
 * @param name the table name
 * @param eventTypes the event types this table receives; empty means every event
 * @param columns the attribute columns, in table order
 */
public record FactTable(String name, Set<String> eventTypes, List<Column> columns) {

	/** The key columns every fact table starts with, in this order. */
	public static final List<Column> KEY_COLUMNS = List.of(new Column("event_id", ColumnType.STRING),
			new Column("tenant_id", ColumnType.STRING), new Column("type", ColumnType.STRING),
			new Column("occurred_at", ColumnType.TIMESTAMP));

	/** Wide enough for a journal line with several analytic dimensions, small enough to stay a fact table. */
	public static final int MAX_COLUMNS = 64;

	/** The built-in table every event lands in, whatever its type. */
	public static final FactTable EVENTS = new FactTable("events", Set.of(), List.of());

	public FactTable {
		Identifiers.require(name, "Fact table name");
		eventTypes = Set.copyOf(eventTypes);
		columns = List.copyOf(columns);
		if (columns.size() > MAX_COLUMNS) {
			throw new IllegalArgumentException("Fact table '" + name + "' declares more than " + MAX_COLUMNS + " columns");
		}
		Map<String, Column> seen = new LinkedHashMap<>();
		for (Column column : allColumns(columns)) {
			if (seen.put(column.name(), column) != null) {
				throw new IllegalArgumentException("Fact table '" + name + "' declares column '" + column.name() + "' twice");
			}
		}
	}

	/** Key columns followed by attribute columns: the physical column order of the table. */
	public List<Column> allColumns() {
		return allColumns(this.columns);
	}

	/** The column called {@code columnName}, or an {@link IllegalArgumentException} naming the table. */
	public Column column(String columnName) {
		return allColumns().stream()
			.filter((column) -> column.name().equals(columnName))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException(
					"Fact table '" + this.name + "' has no column '" + columnName + "'"));
	}

	/** Whether an event of {@code type} belongs in this table. */
	public boolean receives(String type) {
		return this.eventTypes.isEmpty() || this.eventTypes.contains(type);
	}

	private static List<Column> allColumns(List<Column> attributeColumns) {
		return java.util.stream.Stream.concat(KEY_COLUMNS.stream(), attributeColumns.stream()).toList();
	}

	/**
	 * One typed column.
	 *
	 * @param name the column name, also the attribute key it is filled from
	 * @param type the value kind
	 */
	public record Column(String name, ColumnType type) {

		public Column {
			Identifiers.require(name, "Column name");
		}

	}

}
