package com.performanceos.platform.analytics;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A cube the application defines over one fact table: the only names a {@link CubeQuery} may use. Queries never
 * carry identifiers of their own; every column they reach is one declared here.
 *
 * @param name the cube name queries refer to
 * @param table the fact table the cube reads
 * @param timeColumn the TIMESTAMP or DATE column that time grains and ranges apply to
 * @param measures the measures by name
 * @param dimensions the dimension names mapped to column names of {@code table}
 */
public record CubeDefinition(String name, FactTable table, String timeColumn, Map<String, Measure> measures,
		Map<String, String> dimensions) {

	/** The built-in cube over {@link FactTable#EVENTS}: how many events of which type, when. */
	public static final CubeDefinition EVENTS = new CubeDefinition("events", FactTable.EVENTS, "occurred_at",
			Map.of("count", new Measure(Aggregation.COUNT, null)), Map.of("type", "type"));

	public CubeDefinition {
		Identifiers.require(name, "Cube name");
		measures = Map.copyOf(measures);
		dimensions = Map.copyOf(dimensions);
		ColumnType timeType = table.column(timeColumn).type();
		if (timeType != ColumnType.TIMESTAMP && timeType != ColumnType.DATE) {
			throw new IllegalArgumentException("Time column '" + timeColumn + "' of cube '" + name + "' is " + timeType);
		}
		if (measures.isEmpty()) {
			throw new IllegalArgumentException("Cube '" + name + "' declares no measure");
		}
		for (Map.Entry<String, Measure> measure : measures.entrySet()) {
			Identifiers.require(measure.getKey(), "Measure name");
			String column = measure.getValue().column();
			ColumnType type = (column != null) ? table.column(column).type() : ColumnType.LONG;
			if (measure.getValue().aggregation() == Aggregation.SUM && type != ColumnType.DECIMAL
					&& type != ColumnType.LONG) {
				throw new IllegalArgumentException("Measure '" + measure.getKey() + "' sums " + type + " column");
			}
		}
		for (Map.Entry<String, String> dimension : dimensions.entrySet()) {
			Identifiers.require(dimension.getKey(), "Dimension name");
			table.column(dimension.getValue());
		}
	}

	/** The measure called {@code measureName}, or an {@link IllegalArgumentException} listing the declared ones. */
	public Measure measure(String measureName) {
		Measure measure = this.measures.get(measureName);
		if (measure == null) {
			throw new IllegalArgumentException("Cube '" + this.name + "' has no measure '" + measureName
					+ "'; declared: " + this.measures.keySet().stream().sorted().toList());
		}
		return measure;
	}

	/** The column behind dimension {@code dimensionName}, or an {@link IllegalArgumentException}. */
	public FactTable.Column dimension(String dimensionName) {
		String column = this.dimensions.get(dimensionName);
		if (column == null) {
			throw new IllegalArgumentException("Cube '" + this.name + "' has no dimension '" + dimensionName
					+ "'; declared: " + this.dimensions.keySet().stream().sorted().toList());
		}
		return this.table.column(column);
	}

	/** The Java-side kind of the values {@code measure} produces, identical for both engines. */
	ColumnType resultType(Measure measure) {
		return switch (measure.aggregation()) {
			case COUNT, COUNT_DISTINCT -> ColumnType.LONG;
			case SUM, MIN, MAX -> this.table.column(Objects.requireNonNull(measure.column())).type();
		};
	}

	/**
	 * One aggregate over one column.
	 *
	 * @param aggregation the aggregate function
	 * @param column the column it aggregates; null only for {@link Aggregation#COUNT}
	 */
	public record Measure(Aggregation aggregation, @Nullable String column) {

		public Measure {
			if ((aggregation == Aggregation.COUNT) != (column == null)) {
				throw new IllegalArgumentException(aggregation + " measures " + ((column == null) ? "need" : "take no")
						+ " column");
			}
		}

	}

	static List<CubeDefinition> withBuiltIns(List<CubeDefinition> cubes) {
		return java.util.stream.Stream.concat(java.util.stream.Stream.of(EVENTS), cubes.stream()).toList();
	}

}
