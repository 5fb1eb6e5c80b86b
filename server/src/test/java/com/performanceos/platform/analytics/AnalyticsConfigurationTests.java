package com.performanceos.platform.analytics;

import java.nio.file.Path;

import com.performanceos.testsupport.ClickHouseTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine follows the properties, extra cubes are picked up as beans, and health reports the engine. */
class AnalyticsConfigurationTests {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(AnalyticsConfiguration.class);

	@TempDir
	Path directory;

	@Test
	void usesEmbeddedDuckDbWhenNoClickHouseUrlIsSet() {
		this.context
			// Blank on purpose: integration tests in this JVM export a ClickHouse URL as a system property.
			.withPropertyValues("performanceos.analytics.clickhouse.url=",
					"performanceos.analytics.duckdb.path=" + this.directory.resolve("a.duckdb"))
			.withBean("salesCube", CubeDefinition.class, () -> AnalyticsFixture.SALES)
			.run((context) -> {
				AnalyticsStore store = context.getBean(AnalyticsStore.class);
				assertThat(store.engine()).isEqualTo("duckdb");
				assertThat(store.count("acme", "sales")).isZero();
				HealthIndicator health = context.getBean("analyticsHealthIndicator", HealthIndicator.class);
				assertThat(health.health().getStatus()).isEqualTo(Status.UP);
				assertThat(health.health().getDetails()).containsEntry("engine", "duckdb");
			});
	}

	@Test
	void usesClickHouseWhenItsUrlIsSet() {
		this.context
			.withPropertyValues("performanceos.analytics.clickhouse.url=" + ClickHouseTestServer.shared().httpUrl())
			.run((context) -> {
				AnalyticsStore store = context.getBean(AnalyticsStore.class);
				assertThat(store.engine()).isEqualTo("clickhouse");
				assertThat(store.ping()).isTrue();
			});
	}

	@Test
	void startsAndReportsDownWhenClickHouseIsUnreachable() throws Exception {
		int closedPort;
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		this.context
			.withPropertyValues("performanceos.analytics.clickhouse.url=http://127.0.0.1:" + closedPort,
					"performanceos.analytics.clickhouse.connect-timeout=1s")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				HealthIndicator health = context.getBean("analyticsHealthIndicator", HealthIndicator.class);
				assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
			});
	}

}
