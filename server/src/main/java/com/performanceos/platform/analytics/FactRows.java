package com.performanceos.platform.analytics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** Turns events into checked, typed rows of a fact table, shared by both stores so they accept the same input. */
final class FactRows {

	private FactRows() {
	}

	/** The events of a batch that belong in {@code table}, one per tenant and event id, in arrival order. */
	static Collection<AnalyticsEvent> receivedBy(FactTable table, List<AnalyticsEvent> events) {
		Map<String, AnalyticsEvent> unique = new LinkedHashMap<>();
		for (AnalyticsEvent event : events) {
			if (table.receives(event.type())) {
				unique.putIfAbsent(event.tenantId() + "/" + event.eventId(), event);
			}
		}
		return unique.values();
	}

	/**
	 * The values of {@code event} in the column order of {@code table}: the event id as a {@link java.util.UUID},
	 * then the other columns as their {@link ColumnType#javaType()}, null for absent attributes.
	 */
	static List<@Nullable Object> row(FactTable table, AnalyticsEvent event) {
		List<@Nullable Object> row = new ArrayList<>();
		row.add(event.eventId());
		row.add(event.tenantId());
		row.add(event.type());
		row.add(Values.instant(event.occurredAt()));
		for (FactTable.Column column : table.columns()) {
			Object value = event.attributes().get(column.name());
			row.add((value != null) ? checked(table, column, value) : null);
		}
		return row;
	}

	private static Object checked(FactTable table, FactTable.Column column, Object value) {
		if (!column.type().accepts(value)) {
			throw new IllegalArgumentException("Attribute '" + column.name() + "' of fact table '" + table.name()
					+ "' must be " + column.type().javaType().getSimpleName() + ", got "
					+ value.getClass().getSimpleName());
		}
		return switch (column.type()) {
			case DECIMAL -> Values.decimal(value);
			case DATE -> Values.date((LocalDate) value);
			case TIMESTAMP -> Values.instant((Instant) value);
			case STRING, LONG -> value;
		};
	}

	static void requireBounded(List<AnalyticsEvent> events) {
		if (events.size() > AnalyticsStore.MAX_APPEND_EVENTS) {
			throw new IllegalArgumentException(
					"An append takes at most " + AnalyticsStore.MAX_APPEND_EVENTS + " events, got " + events.size());
		}
	}

}
