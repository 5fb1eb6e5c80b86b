package com.performanceos.platform.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.performanceos.PerformanceOsApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The server as a newcomer starts it: no configuration at all. Other integration tests point the
 * JVM's system properties at shared services, so these start the application with an environment
 * that ignores system properties, exactly like a fresh process would see it.
 */
class EmbeddedDefaultsIntegrationTests {

	private static final String ACCOUNT_COUNT = "{\"query\":\"{ accounts(first: 100) { totalCount } }\"}";

	@TempDir
	Path dataDirectory;

	@Test
	void startsWithNoConfigurationSeedsTheDemoTenantOnceAndKeepsItsData() throws Exception {
		try (ConfigurableApplicationContext first = start(Map.of())) {
			assertThat(first.getEnvironment().getProperty("performanceos.postgres.url")).startsWith("postgresql://127.0.0.1:");
			assertThat(first.getEnvironment().getProperty("performanceos.redis.url")).startsWith("redis://127.0.0.1:");
			assertThat(Files.exists(dataDirectory.resolve("postgres/PG_VERSION"))).isTrue();
			assertThat(Files.exists(dataDirectory.resolve("analytics.duckdb"))).isTrue();
			assertThat(durabilitySettings(first)).containsExactly("on", "on", "on");
			String token = mintWithScript("ADMIN", "demo");
			client(first).post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
				.header("Authorization", "Bearer " + token)
				.bodyValue("{\"query\":\"{ viewer { tenant roles } }\"}")
				.exchange()
				.expectStatus().isOk()
				.expectBody().jsonPath("$.data.viewer.tenant").isEqualTo("demo").jsonPath("$.data.viewer.roles[0]").isEqualTo("ADMIN");
			assertThat(accountCount(first, token)).isEqualTo(16);
			client(first).post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).bodyValue(ACCOUNT_COUNT)
				.exchange().expectStatus().isUnauthorized()
				.expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("UNAUTHENTICATED");
		}
		try (ConfigurableApplicationContext restarted = start(Map.of())) {
			// Same data directory: the data survived and the demo tenant was not seeded twice.
			assertThat(accountCount(restarted, mintWithScript("FINANCE", "demo"))).isEqualTo(16);
		}
	}

	@Test
	void fastModeForTestsTurnsDurabilityOffOnlyWhenAskedByName() throws Exception {
		try (ConfigurableApplicationContext fast = start(Map.of("performanceos.embedded.postgres.durability",
				"FAST_FOR_TESTS_ONLY"))) {
			assertThat(durabilitySettings(fast)).containsExactly("off", "off", "on");
		}
		assertThatThrownBy(() -> start(Map.of("performanceos.embedded.postgres.durability", "fast")).close())
			.hasStackTraceContaining("must be DURABLE or FAST_FOR_TESTS_ONLY");
	}

	@Test
	void unreachableConfiguredPostgresStopsStartUpNamingIt() {
		assertThatThrownBy(() -> start(Map.of("performanceos.postgres.url", "postgresql://127.0.0.1:1/pos")).close())
			.hasStackTraceContaining("PostgreSQL configured by performanceos.postgres.url")
			.hasStackTraceContaining("unreachable at 127.0.0.1:1");
	}

	@Test
	void unreachableConfiguredRedisStopsStartUpNamingIt() {
		assertThatThrownBy(() -> start(Map.of("performanceos.redis.url", "redis://127.0.0.1:1")).close())
			.hasStackTraceContaining("Redis configured by performanceos.redis.url")
			.hasStackTraceContaining("unreachable at 127.0.0.1:1");
	}

	@Test
	void unreachableConfiguredClickHouseStopsStartUpNamingIt() {
		assertThatThrownBy(() -> start(Map.of("performanceos.analytics.clickhouse.url", "http://127.0.0.1:1")).close())
			.hasStackTraceContaining("ClickHouse configured by performanceos.analytics.clickhouse.url")
			.hasStackTraceContaining("unreachable at 127.0.0.1:1");
	}

	private ConfigurableApplicationContext start(Map<String, Object> configuration) {
		ConfigurableEnvironment environment = new StandardEnvironment() {
			@Override
			protected void customizePropertySources(MutablePropertySources sources) {
				sources.addLast(new SystemEnvironmentPropertySource(SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, getSystemEnvironment()));
			}
		};
		Map<String, Object> properties = new java.util.HashMap<>(configuration);
		properties.put("server.port", "0");
		properties.put("performanceos.data-dir", dataDirectory.toString());
		environment.getPropertySources().addFirst(new org.springframework.core.env.MapPropertySource("test", properties));
		return new SpringApplicationBuilder(PerformanceOsApplication.class).environment(environment).run();
	}

	/** {@code fsync}, {@code synchronous_commit} and {@code full_page_writes} as the running embedded server reports them. */
	private static java.util.List<String> durabilitySettings(ConfigurableApplicationContext context) throws Exception {
		String url = "jdbc:" + context.getEnvironment().getProperty("performanceos.postgres.url");
		java.util.List<String> values = new java.util.ArrayList<>();
		try (java.sql.Connection connection = java.sql.DriverManager.getConnection(url, "postgres", "postgres");
				java.sql.Statement statement = connection.createStatement()) {
			for (String setting : java.util.List.of("fsync", "synchronous_commit", "full_page_writes")) {
				try (java.sql.ResultSet result = statement.executeQuery("SHOW " + setting)) {
					result.next();
					values.add(result.getString(1));
				}
			}
		}
		return values;
	}

	private static WebTestClient client(ConfigurableApplicationContext context) {
		String port = context.getEnvironment().getProperty("local.server.port");
		return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
	}

	private static int accountCount(ConfigurableApplicationContext context, String token) {
		return client(context).post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
			.header("Authorization", "Bearer " + token).bodyValue(ACCOUNT_COUNT)
			.exchange().expectStatus().isOk()
			.expectBody(JsonCount.class).returnResult().getResponseBody().data().accounts().totalCount();
	}

	/** Runs the documented command, scripts/mint-token.sh, against this data directory. */
	private String mintWithScript(String roles, String tenant) throws IOException, InterruptedException {
		Path script = Path.of("..", "scripts", "mint-token.sh").toAbsolutePath().normalize();
		ProcessBuilder builder = new ProcessBuilder("bash", script.toString(), roles, tenant)
			.redirectError(ProcessBuilder.Redirect.INHERIT);
		builder.environment().put("PERFORMANCEOS_DATA_DIR", dataDirectory.toString());
		Process process = builder.start();
		process.getOutputStream().close();
		String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).isZero();
		return out;
	}

	record JsonCount(Data data) {
		record Data(Accounts accounts) {
		}

		record Accounts(int totalCount) {
		}
	}

}
