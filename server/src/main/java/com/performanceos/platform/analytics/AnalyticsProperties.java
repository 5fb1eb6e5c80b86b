package com.performanceos.platform.analytics;

import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where analytics facts live. With {@code performanceos.analytics.clickhouse.url} set, a ClickHouse server;
 * otherwise an embedded DuckDB file.
 *
 * @param clickhouse the ClickHouse server, used when its URL is set
 * @param duckdb the embedded database used otherwise
 */
@ConfigurationProperties("performanceos.analytics")
record AnalyticsProperties(@DefaultValue ClickHouse clickhouse, @DefaultValue DuckDb duckdb) {

	/**
	 * A ClickHouse server reached over HTTP.
	 *
	 * @param url the HTTP endpoint, for example {@code http://127.0.0.1:8123}; unset selects DuckDB
	 * @param username the user
	 * @param password the password
	 * @param database the database holding the fact tables; it must exist
	 * @param connectTimeout how long to wait for a connection before reporting the server unavailable
	 * @param socketTimeout how long to wait for an answer, which also bounds a query's running time
	 */
	record ClickHouse(@Nullable String url, @DefaultValue("default") String username, @DefaultValue("") String password,
			@DefaultValue("default") String database, @DefaultValue("5s") Duration connectTimeout,
			@DefaultValue("30s") Duration socketTimeout) {

		boolean configured() {
			return this.url != null && !this.url.isBlank();
		}

		@Override
		public String url() {
			if (this.url == null) {
				throw new IllegalStateException("performanceos.analytics.clickhouse.url is not set");
			}
			return this.url;
		}

	}

	/**
	 * The embedded DuckDB database.
	 *
	 * @param path the database file, created with its directory when missing
	 */
	record DuckDb(@DefaultValue("./data/analytics.duckdb") Path path) {
	}

}
