package com.performanceos.bench.cube;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The cube's statement over ClickHouse's HTTP interface with {@code FORMAT TabSeparated} appended,
 * exactly as the server's store sends it, every row read and split into its fields.
 */
final class ClickHouseRaw implements RawEngine {

	/** The cube's own result bound (CubeQuery.MAX_LIMIT). */
	private static final int ROWS_MAX = 10_000;

	private final ClickHouseHttp clickHouse;

	ClickHouseRaw(ClickHouseHttp clickHouse) {
		this.clickHouse = clickHouse;
	}

	@Override
	public Answer run(String sql) throws Exception {
		List<String[]> rows = new ArrayList<>();
		try (InputStream body = clickHouse.stream(sql + " FORMAT TabSeparated");
				BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (rows.size() == ROWS_MAX) {
					throw new IllegalStateException("More than " + ROWS_MAX + " rows");
				}
				rows.add(line.split("\t", -1));
			}
		}
		long lineCount = 0;
		for (String[] row : rows) {
			lineCount += Long.parseLong(row[row.length - 1]);
		}
		return new Answer(rows.size(), lineCount);
	}

	@Override
	public void close() {
		// The HTTP client holds no resource worth releasing before the JVM exits.
	}

}
