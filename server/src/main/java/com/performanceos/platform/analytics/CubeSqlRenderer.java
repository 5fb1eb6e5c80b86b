package com.performanceos.platform.analytics;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiles a {@link CubeQuery} against its {@link CubeDefinition} into one SELECT for a dialect. Every name is
 * resolved through the definition (unknown names fail here, before any SQL exists) and every value goes through
 * {@link SqlDialect#literal}; the tenant condition is always the first condition.
 */
final class CubeSqlRenderer {

	/** At DEBUG, each statement exactly as the engine receives it (before ClickHouse's FORMAT clause): what bench/ replays. */
	private static final Logger logger = LoggerFactory.getLogger(CubeSqlRenderer.class);

	private final SqlDialect dialect;

	CubeSqlRenderer(SqlDialect dialect) {
		this.dialect = dialect;
	}

	CompiledQuery render(CubeDefinition cube, String tenantId, CubeQuery query) {
		AnalyticsEvent.requireName(tenantId, "Tenant id");
		List<String> names = new ArrayList<>();
		List<ColumnType> types = new ArrayList<>();
		List<String> groups = new ArrayList<>();
		if (query.grain() != null) {
			groups.add(this.dialect.period(query.grain(), cube.timeColumn()));
			names.add(CubeResult.PERIOD);
			types.add(ColumnType.DATE);
		}
		for (String dimension : query.dimensions()) {
			FactTable.Column column = cube.dimension(dimension);
			groups.add(column.name());
			names.add(dimension);
			types.add(column.type());
		}
		List<String> selected = new ArrayList<>(groups);
		for (String measureName : query.measures()) {
			CubeDefinition.Measure measure = cube.measure(measureName);
			selected.add(this.dialect.aggregate(measure.aggregation(), measure.column()));
			names.add(measureName);
			types.add(cube.resultType(measure));
		}
		StringBuilder sql = new StringBuilder("SELECT ");
		for (int index = 0; index < selected.size(); index++) {
			// Aliases start with an underscore, which no declared identifier can, so ClickHouse's habit of
			// resolving aliases anywhere in the query can never capture a real column.
			sql.append((index == 0) ? "" : ", ").append(selected.get(index)).append(" AS _c").append(index);
		}
		sql.append(" FROM ").append(cube.table().name()).append(this.dialect.deduplicatedRead());
		sql.append(" WHERE ").append(String.join(" AND ", conditions(cube, tenantId, query)));
		if (!groups.isEmpty()) {
			sql.append(" GROUP BY ").append(String.join(", ", groups));
			sql.append(" ORDER BY ").append(String.join(", ", groups));
		}
		sql.append(" LIMIT ").append(query.limit());
		logger.debug("Cube SQL: {}", sql);
		return new CompiledQuery(sql.toString(), names, types);
	}

	private List<String> conditions(CubeDefinition cube, String tenantId, CubeQuery query) {
		List<String> conditions = new ArrayList<>();
		conditions.add("tenant_id = " + this.dialect.stringLiteral(tenantId));
		TimeRange range = query.range();
		if (range != null) {
			FactTable.Column time = cube.table().column(cube.timeColumn());
			conditions.add(time.name() + " >= " + boundary(time, range.from()));
			conditions.add(time.name() + " < " + boundary(time, range.to()));
		}
		for (Filter filter : query.filters()) {
			FactTable.Column column = cube.dimension(filter.dimension());
			List<String> literals = filter.values()
				.stream()
				.map((value) -> this.dialect.literal(value, column.type()))
				.toList();
			conditions.add(column.name() + " " + filter.operator().sql() + " "
					+ ((filter.operator() == Filter.Operator.IN) ? "(" + String.join(", ", literals) + ")"
							: literals.get(0)));
		}
		return conditions;
	}

	private String boundary(FactTable.Column time, java.time.LocalDate day) {
		return (time.type() == ColumnType.DATE) ? this.dialect.literal(day, ColumnType.DATE)
				: this.dialect.literal(Values.startOfDay(day), ColumnType.TIMESTAMP);
	}

	/**
	 * SQL ready to run and how to read its columns back.
	 *
	 * @param sql the statement, without a FORMAT clause
	 * @param columns the result column names
	 * @param types the kind of each result column
	 */
	record CompiledQuery(String sql, List<String> columns, List<ColumnType> types) {
	}

}
