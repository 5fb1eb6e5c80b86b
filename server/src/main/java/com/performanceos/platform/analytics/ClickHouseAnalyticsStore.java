package com.performanceos.platform.analytics;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.clickhouse.client.api.Client;
import com.clickhouse.client.api.ServerException;
import com.clickhouse.client.api.insert.InsertResponse;
import com.clickhouse.client.api.query.QueryResponse;
import com.clickhouse.data.ClickHouseFormat;
import org.jspecify.annotations.Nullable;

/**
 * The analytics store on a ClickHouse server through the official client-v2, used only in ways an 18.16 server
 * supports: uncompressed responses, raw TabSeparated streams rendered and parsed here, explicit FORMAT clauses.
 * Facts live in ReplacingMergeTree tables keyed on (tenant_id, event_id) and are read with FINAL, so a redelivered
 * event is stored twice at most until a merge and always counted once.
 */
final class ClickHouseAnalyticsStore implements AnalyticsStore {

	private final Client client;

	private final String url;

	private final AnalyticsCatalog catalog;

	private final ClickHouseDialect dialect = new ClickHouseDialect();

	private final CubeSqlRenderer renderer = new CubeSqlRenderer(this.dialect);

	private final Duration timeout;

	private volatile boolean initialized;

	ClickHouseAnalyticsStore(AnalyticsProperties.ClickHouse settings, List<CubeDefinition> cubes) {
		this.url = settings.url();
		this.catalog = new AnalyticsCatalog(cubes);
		this.timeout = settings.socketTimeout();
		this.client = new Client.Builder().addEndpoint(settings.url())
			.setUsername(settings.username())
			.setPassword(settings.password())
			.setDefaultDatabase(settings.database())
			// 18.16 answers compressed requests with an empty body.
			.compressServerResponse(false)
			.compressClientRequest(false)
			.setConnectTimeout(settings.connectTimeout().toMillis(), ChronoUnit.MILLIS)
			.setSocketTimeout(settings.socketTimeout().toMillis(), ChronoUnit.MILLIS)
			// Retrying is the caller's decision (the outbox relay retries later); fail fast here.
			.setMaxRetries(0)
			.build();
	}

	@Override
	public void initialize() {
		for (FactTable table : this.catalog.factTables()) {
			execute(this.dialect.createTable(table));
		}
		this.initialized = true;
	}

	@Override
	public void append(List<AnalyticsEvent> events) {
		FactRows.requireBounded(events);
		ensureInitialized();
		for (FactTable table : this.catalog.factTables()) {
			Collection<AnalyticsEvent> rows = FactRows.receivedBy(table, events);
			if (rows.isEmpty()) {
				continue;
			}
			StringBuilder tsv = new StringBuilder();
			for (AnalyticsEvent event : rows) {
				ClickHouseTsv.appendRow(tsv, FactRows.row(table, event));
			}
			List<String> columns = table.allColumns().stream().map(FactTable.Column::name).toList();
			InputStream data = new ByteArrayInputStream(tsv.toString().getBytes(StandardCharsets.UTF_8));
			try (InsertResponse ignored = await(this.client.insert(table.name(), columns, data,
					ClickHouseFormat.TabSeparated))) {
				// The response carries only statistics; reaching here means the server stored the rows.
			}
			catch (Exception ex) {
				throw failure("append to " + table.name(), ex);
			}
		}
	}

	@Override
	public CubeResult query(String tenantId, CubeQuery query) {
		CubeSqlRenderer.CompiledQuery compiled = this.renderer.render(this.catalog.cube(query.cube()), tenantId, query);
		ensureInitialized();
		List<List<String>> lines = select(compiled.sql());
		List<List<@Nullable Object>> rows = new ArrayList<>(lines.size());
		for (List<String> line : lines) {
			rows.add(ClickHouseTsv.parseRow(line, compiled.types()));
		}
		return new CubeResult(compiled.columns(), rows);
	}

	@Override
	public long count(String tenantId, String factTable) {
		FactTable table = this.catalog.factTable(factTable);
		ensureInitialized();
		String sql = "SELECT count() FROM " + table.name() + " FINAL WHERE tenant_id = "
				+ this.dialect.stringLiteral(AnalyticsEvent.requireName(tenantId, "Tenant id"));
		return Long.parseLong(select(sql).get(0).get(0));
	}

	@Override
	public boolean ping() {
		try {
			return this.client.ping(this.timeout.toMillis());
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	@Override
	public String engine() {
		return "clickhouse";
	}

	@Override
	public void close() {
		this.client.close();
	}

	private void ensureInitialized() {
		if (!this.initialized) {
			initialize();
		}
	}

	private void execute(String sql) {
		try (QueryResponse ignored = await(this.client.query(sql))) {
			// DDL answers with an empty body.
		}
		catch (Exception ex) {
			throw failure("run DDL", ex);
		}
	}

	private List<List<String>> select(String sql) {
		try (QueryResponse response = await(this.client.query(sql + " FORMAT TabSeparated"))) {
			return ClickHouseTsv.readRows(response.getInputStream(), CubeQuery.MAX_LIMIT);
		}
		catch (Exception ex) {
			throw failure("query", ex);
		}
	}

	private <T> T await(CompletableFuture<T> future) throws Exception {
		try {
			return future.get(this.timeout.toMillis() * 2, TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			throw (ex.getCause() instanceof Exception cause) ? cause : ex;
		}
	}

	/**
	 * A server that answered with an error has a bug or a schema problem to fix, not an outage to wait out; any
	 * other failure (refused connection, timeout, broken stream) means the server cannot be reached now.
	 */
	private RuntimeException failure(String action, Exception ex) {
		if (ex instanceof ServerException server) {
			return new IllegalStateException("ClickHouse at " + this.url + " refused to " + action + ": "
					+ server.getMessage(), server);
		}
		if (ex instanceof InterruptedException) {
			Thread.currentThread().interrupt();
		}
		if (ex instanceof IllegalArgumentException argument) {
			return argument;
		}
		String reason = (ex instanceof TimeoutException) ? "timed out" : String.valueOf(ex.getMessage());
		return new AnalyticsUnavailableException("ClickHouse at " + this.url + " is unavailable to " + action + ": "
				+ reason, ex);
	}

}
