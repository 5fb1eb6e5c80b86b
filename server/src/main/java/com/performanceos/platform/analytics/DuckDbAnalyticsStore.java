package com.performanceos.platform.analytics;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.jspecify.annotations.Nullable;

/**
 * The embedded analytics store: a DuckDB database file in this process, for local runs and small installations.
 * A primary key on (tenant_id, event_id) with ON CONFLICT DO NOTHING makes appends idempotent. Each operation uses
 * its own duplicate of one root connection, which is how DuckDB shares one database between threads.
 */
final class DuckDbAnalyticsStore implements AnalyticsStore {

	private final Path path;

	private final AnalyticsCatalog catalog;

	private final DuckDbDialect dialect = new DuckDbDialect();

	private final CubeSqlRenderer renderer = new CubeSqlRenderer(this.dialect);

	private final DuckDBConnection root;

	private volatile boolean initialized;

	DuckDbAnalyticsStore(Path path, List<CubeDefinition> cubes) {
		this.path = path.toAbsolutePath();
		this.catalog = new AnalyticsCatalog(cubes);
		try {
			Files.createDirectories(this.path.getParent());
			this.root = DriverManager.getConnection("jdbc:duckdb:" + this.path).unwrap(DuckDBConnection.class);
		}
		catch (IOException | SQLException ex) {
			throw new AnalyticsUnavailableException("DuckDB database " + this.path + " cannot be opened", ex);
		}
	}

	@Override
	public void initialize() {
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			for (FactTable table : this.catalog.factTables()) {
				statement.execute(this.dialect.createTable(table));
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("DuckDB " + this.path + " refused a fact table: " + ex.getMessage(), ex);
		}
		this.initialized = true;
	}

	@Override
	public void append(List<AnalyticsEvent> events) {
		FactRows.requireBounded(events);
		ensureInitialized();
		try (Connection connection = connect()) {
			connection.setAutoCommit(false);
			try {
				for (FactTable table : this.catalog.factTables()) {
					insert(connection, table, FactRows.receivedBy(table, events));
				}
				connection.commit();
			}
			catch (SQLException | RuntimeException ex) {
				connection.rollback();
				throw ex;
			}
		}
		catch (SQLException ex) {
			// A write DuckDB could not take (a concurrent transaction touched the same keys, the disk is full) can
			// succeed later; the relay retries it.
			throw new AnalyticsUnavailableException("DuckDB " + this.path + " could not append: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Appends through DuckDB's appender into a temporary staging table, then moves the rows with one
	 * {@code INSERT ... ON CONFLICT DO NOTHING} (the appender itself cannot skip duplicates). A prepared
	 * statement executed once per row took about 86 s for the 20,000 line facts of one bulk posting on
	 * these machines, so the projection fell minutes behind the ledger; this takes well under a second.
	 */
	private void insert(Connection connection, FactTable table, Collection<AnalyticsEvent> events) throws SQLException {
		if (events.isEmpty()) {
			return;
		}
		String columns = String.join(", ", table.allColumns().stream().map(FactTable.Column::name).toList());
		String staging = "staging_" + table.name();
		try (Statement statement = connection.createStatement()) {
			statement.execute("CREATE OR REPLACE TEMP TABLE " + staging + " AS SELECT " + columns + " FROM " + table.name() + " LIMIT 0");
		}
		try (DuckDBAppender appender = connection.unwrap(DuckDBConnection.class).createAppender("temp", "main", staging)) {
			for (AnalyticsEvent event : events) {
				appender.beginRow();
				for (Object value : FactRows.row(table, event)) {
					append(appender, value);
				}
				appender.endRow();
			}
		}
		try (Statement statement = connection.createStatement()) {
			statement.execute("INSERT INTO " + table.name() + " (" + columns + ") SELECT " + columns + " FROM " + staging
					+ " ON CONFLICT DO NOTHING");
			statement.execute("DROP TABLE " + staging);
		}
	}

	/** One value of {@link FactRows#row}: each Java type it produces has its appender method. */
	private static void append(DuckDBAppender appender, @Nullable Object value) throws SQLException {
		switch (value) {
			case null -> appender.appendNull();
			case String text -> appender.append(text);
			case UUID id -> appender.append(id);
			case Long number -> appender.append(number.longValue());
			case BigDecimal decimal -> appender.append(decimal);
			case LocalDate date -> appender.append(date);
			// Instants are stored as UTC wall-clock time in a TIMESTAMP column.
			case Instant instant -> appender.append(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
			default -> throw new IllegalArgumentException("No DuckDB appender method for " + value.getClass().getName());
		}
	}

	@Override
	public CubeResult query(String tenantId, CubeQuery query) {
		CubeSqlRenderer.CompiledQuery compiled = this.renderer.render(this.catalog.cube(query.cube()), tenantId, query);
		ensureInitialized();
		try (Connection connection = connect();
				Statement statement = connection.createStatement();
				ResultSet results = statement.executeQuery(compiled.sql())) {
			List<List<@Nullable Object>> rows = new ArrayList<>();
			while (results.next()) {
				List<@Nullable Object> row = new ArrayList<>();
				for (int index = 0; index < compiled.types().size(); index++) {
					row.add(read(results.getObject(index + 1), compiled.types().get(index)));
				}
				rows.add(row);
			}
			return new CubeResult(compiled.columns(), rows);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("DuckDB " + this.path + " refused a query: " + ex.getMessage(), ex);
		}
	}

	/** Narrows what the JDBC driver returns to the one Java type per kind that both stores report. */
	private static @Nullable Object read(@Nullable Object value, ColumnType type) {
		if (value == null) {
			return null;
		}
		return switch (type) {
			case STRING -> value.toString();
			case LONG -> ((Number) value).longValue();
			case DECIMAL -> (value instanceof BigDecimal decimal ? decimal : new BigDecimal(value.toString()))
				.setScale(ColumnType.DECIMAL_SCALE);
			case DATE -> (value instanceof java.sql.Date date) ? date.toLocalDate() : LocalDate.parse(value.toString());
			case TIMESTAMP -> LocalDateTime.parse(value.toString().replace(' ', 'T')).toInstant(ZoneOffset.UTC);
		};
	}

	@Override
	public long count(String tenantId, String factTable) {
		FactTable table = this.catalog.factTable(factTable);
		ensureInitialized();
		String sql = "SELECT count(*) FROM " + table.name() + " WHERE tenant_id = "
				+ this.dialect.stringLiteral(AnalyticsEvent.requireName(tenantId, "Tenant id"));
		try (Connection connection = connect();
				Statement statement = connection.createStatement();
				ResultSet results = statement.executeQuery(sql)) {
			results.next();
			return results.getLong(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("DuckDB " + this.path + " refused a count: " + ex.getMessage(), ex);
		}
	}

	@Override
	public boolean ping() {
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			return statement.execute("SELECT 1");
		}
		catch (SQLException | RuntimeException ex) {
			return false;
		}
	}

	@Override
	public String engine() {
		return "duckdb";
	}

	@Override
	public void close() {
		try {
			this.root.close();
		}
		catch (SQLException ex) {
			throw new IllegalStateException("DuckDB " + this.path + " did not close cleanly", ex);
		}
	}

	private void ensureInitialized() {
		if (!this.initialized) {
			initialize();
		}
	}

	private Connection connect() {
		try {
			return this.root.duplicate();
		}
		catch (SQLException ex) {
			throw new AnalyticsUnavailableException("DuckDB " + this.path + " is closed or unusable", ex);
		}
	}

}
