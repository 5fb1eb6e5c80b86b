package com.performanceos.bench.cube;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The cube's statement through DuckDB's JDBC driver in this process, every value of every row
 * fetched with {@code getObject} like the server's store. It opens a byte copy of the server's
 * database file, read-only: DuckDB lets only one process open a file for writing, and the server
 * holds the original, so a copy is what lets raw and GraphQL calls alternate in one run.
 */
final class DuckDbRaw implements RawEngine {

	private final Connection connection;

	DuckDbRaw(Path copy) throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("duckdb.read_only", "true");
		this.connection = DriverManager.getConnection("jdbc:duckdb:" + copy.toAbsolutePath(), properties);
	}

	@Override
	public Answer run(String sql) throws SQLException {
		List<Object[]> rows = new ArrayList<>();
		try (Statement statement = connection.createStatement(); ResultSet results = statement.executeQuery(sql)) {
			int columns = results.getMetaData().getColumnCount();
			while (results.next()) {
				Object[] row = new Object[columns];
				for (int index = 0; index < columns; index++) {
					row[index] = results.getObject(index + 1);
				}
				rows.add(row);
			}
		}
		long lineCount = 0;
		for (Object[] row : rows) {
			lineCount += ((Number) row[row.length - 1]).longValue();
		}
		return new Answer(rows.size(), lineCount);
	}

	@Override
	public void close() throws SQLException {
		connection.close();
	}

}
