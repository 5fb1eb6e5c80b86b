package com.performanceos.platform.analytics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The rows of a {@link CubeQuery}: column {@code period} first when a grain was asked (a {@link java.time.LocalDate}
 * on the first day of the period), then the dimensions, then the measures, ordered by period and dimensions.
 * Values are typed as {@link ColumnType#javaType()}; a dimension whose attribute was absent is null.
 *
 * @param columns the column names
 * @param rows the rows, each as long as {@code columns}
 */
public record CubeResult(List<String> columns, List<List<@Nullable Object>> rows) {

	/** The name of the period column. */
	public static final String PERIOD = "period";

	public CubeResult {
		columns = List.copyOf(columns);
		List<List<@Nullable Object>> copies = new ArrayList<>(rows.size());
		for (List<@Nullable Object> row : rows) {
			if (row.size() != columns.size()) {
				throw new IllegalArgumentException("Row has " + row.size() + " values for " + columns.size() + " columns");
			}
			copies.add(Collections.unmodifiableList(new ArrayList<>(row)));
		}
		rows = Collections.unmodifiableList(copies);
	}

}
