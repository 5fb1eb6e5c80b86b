package com.performanceos.ledger.cube;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.performanceos.PerformanceOsApplication;
import com.performanceos.platform.security.EmbeddedIssuer;
import com.performanceos.platform.security.Role;
import com.performanceos.testsupport.TestServices;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same cube on the embedded analytics engine: a second application with DuckDB, on its own
 * PostgreSQL database (sharing one would let the other application's relay deliver its events to
 * ClickHouse), must give exactly PostgreSQL's totals too.
 */
class LedgerCubeDuckDbIntegrationTests {

	private static final String DATABASE = "pos_cube_duckdb";

	private static ConfigurableApplicationContext application;

	private static Path dataDirectory;

	@BeforeAll
	static void startOnDuckDb() throws Exception {
		TestServices services = TestServices.shared();
		try (Connection connection = services.superuserConnection(); Statement sql = connection.createStatement()) {
			sql.execute("DROP DATABASE IF EXISTS " + DATABASE);
			sql.execute("CREATE DATABASE " + DATABASE);
		}
		dataDirectory = Files.createTempDirectory("pos-cube-duckdb");
		Map<String, Object> properties = new HashMap<>();
		properties.put("server.port", "0");
		properties.put("performanceos.postgres.url", services.postgresUrl().replace("/postgres", "/" + DATABASE));
		properties.put("performanceos.postgres.migration-username", "postgres");
		properties.put("performanceos.postgres.migration-password", "postgres");
		properties.put("performanceos.redis.url", services.redisUrl());
		properties.put("performanceos.data-dir", dataDirectory.toString());
		StandardEnvironment environment = new StandardEnvironment() {
			@Override
			protected void customizePropertySources(MutablePropertySources sources) {
				// No system properties: those point the other integration tests at ClickHouse.
			}
		};
		environment.getPropertySources().addFirst(new MapPropertySource("duckdb-test", properties));
		application = new SpringApplicationBuilder(PerformanceOsApplication.class).environment(environment).run();
	}

	@AfterAll
	static void stop() {
		if (application != null) {
			application.close();
		}
	}

	@Test
	void duckDbCubeTotalsByAccountAndMonthEqualPostgresTotals() throws Exception {
		String port = application.getEnvironment().getProperty("local.server.port");
		EmbeddedIssuer issuer = EmbeddedIssuer.loadOrCreate(dataDirectory.resolve("identity/signing-key.pem"), "performanceos-embedded");
		String tenant = "cube-duckdb";
		GraphQlTester finance = HttpGraphQlTester.builder(WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port + "/graphql"))
			.header("Authorization", "Bearer " + issuer.mint("analyst", tenant, List.of(Role.FINANCE, Role.ANALYST), Duration.ofMinutes(10)))
			.responseTimeout(Duration.ofSeconds(60))
			.build();
		int lines = LedgerCubeIntegrationTests.postFixture(finance, LedgerCubeIntegrationTests.createAccounts(finance));

		Map<String, Object> input = Map.of("measures", List.of("DEBIT", "CREDIT", "NET", "LINE_COUNT"), "dimensions",
				List.of("ACCOUNT"), "grain", "MONTH", "effectiveFrom", "2026-01-01", "effectiveTo", "2026-06-30");
		List<Map<String, Object>> rows = LedgerCubeIntegrationTests.awaitCube(finance, input, lines);
		finance.documentName("ledgerCube").variable("input", input).execute()
			.path("ledgerCube.engine").entity(String.class).isEqualTo("duckdb");
		try (Connection connection = DriverManager.getConnection("jdbc:" + TestServices.shared().postgresUrl().replace("/postgres", "/" + DATABASE),
				"postgres", "postgres")) {
			assertThat(LedgerCubeIntegrationTests.toTotals(rows)).isEqualTo(LedgerCubeIntegrationTests.postgresTotals(connection, tenant))
				.hasSizeGreaterThan(8);
		}
	}

}
