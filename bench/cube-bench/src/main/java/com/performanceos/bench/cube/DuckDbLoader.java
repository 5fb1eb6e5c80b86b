package com.performanceos.bench.cube;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Loads synthetic lines into the server's DuckDB file with the Appender. DuckDB lets one process
 * write a database file, so this runs while the server is stopped; the server created the table
 * (with its primary key) on an earlier start, and this only appends to it.
 */
final class DuckDbLoader {

	/** Progress every this many lines; the appender itself flushes its own chunks. */
	private static final long REPORT_EVERY = 1_000_000;

	private final Path file;

	DuckDbLoader(Path file) {
		this.file = file;
	}

	void load(String tenant, SyntheticLines lines) throws SQLException {
		try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath())) {
			FactColumns.requireSame(columns(connection), "DuckDB");
			long start = System.nanoTime();
			long loaded = 0;
			try (DuckDBAppender appender = connection.unwrap(DuckDBConnection.class).createAppender(DuckDBConnection.DEFAULT_SCHEMA,
					FactColumns.TABLE)) {
				while (lines.hasNext()) {
					SyntheticLines.Line line = lines.next();
					appender.beginRow()
						.append(line.eventId())
						.append(tenant)
						.append(FactColumns.EVENT_TYPE)
						.append(line.occurredAt())
						.append(line.entryKey().toString())
						.append((long) line.lineNumber())
						.append(line.account().key().toString())
						.append(line.debit() ? "DEBIT" : "CREDIT")
						.append(line.debitAmount())
						.append(line.creditAmount())
						.append(line.netAmount())
						.append(line.account().currency())
						.append(line.effectiveDate())
						.append("")
						.endRow();
					if (++loaded % REPORT_EVERY == 0) {
						System.out.printf("duckdb: %,d / %,d lines (%d s)%n", loaded, lines.lineCount(), (System.nanoTime() - start) / 1_000_000_000);
					}
				}
				appender.flush();
			}
			try (Statement statement = connection.createStatement()) {
				statement.execute("CHECKPOINT");
			}
		}
	}

	private static List<String> columns(Connection connection) throws SQLException {
		List<String> names = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet columns = statement.executeQuery("SELECT column_name FROM information_schema.columns WHERE table_name = '"
						+ FactColumns.TABLE + "' ORDER BY ordinal_position")) {
			while (columns.next()) {
				names.add(columns.getString(1));
			}
		}
		return names;
	}

}
