package com.performanceos.platform.observability;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.performanceos.platform.security.Role;
import com.performanceos.testsupport.IntegrationTest;
import com.performanceos.testsupport.TestServices;

import static org.assertj.core.api.Assertions.assertThat;

class OperationsIntegrationTests extends IntegrationTest {

	private static final String CREATE_ACCOUNT = """
			mutation($input: CreateAccountInput!) { createAccount(input: $input) { account { id } userErrors { code } } }""";

	private final JsonMapper json = new JsonMapper();

	@Test
	void healthShowsPostgresRedisAndAnalyticsUpToAnAdmin() {
		web.get().uri("/actuator/health")
			.header("Authorization", "Bearer " + tokens.token(newTenant("ops-health"), Role.ADMIN))
			.exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.status").isEqualTo("UP")
			.jsonPath("$.components.r2dbc.status").isEqualTo("UP")
			.jsonPath("$.components.r2dbc.details.database").isEqualTo("PostgreSQL")
			.jsonPath("$.components.redis.status").isEqualTo("UP")
			.jsonPath("$.components.analytics.status").isEqualTo("UP");
	}

	@Test
	void prometheusExposesTheGraphQlRequestTimer() {
		graphQl(newTenant("ops-metrics"), Role.ADMIN).documentName("viewer").execute()
			.path("viewer.roles").entityList(String.class).containsExactly("ADMIN");

		String metrics = web.mutate().codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(8 * 1024 * 1024)).build()
			.get().uri("/actuator/prometheus")
			.header("Authorization", "Bearer " + tokens.token(newTenant("ops-scraper"), Role.ADMIN))
			.exchange()
			.expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(metrics.lines().filter(line -> line.startsWith("graphql_request_seconds_count{"))
			.filter(line -> line.contains("graphql_operation_type=\"query\"") && line.contains("graphql_outcome=\"SUCCESS\"")))
			.singleElement()
			.satisfies(line -> assertThat(Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).isGreaterThanOrEqualTo(1));
	}

	@Test
	void theTraceIdHeaderIsTheTraceIdOfTheGraphQlErrors() {
		EntityExchangeResult<byte[]> result = post(tokens.token(newTenant("ops-trace"), Role.REP), null,
				"{ auditLog(first: 1) { totalCount } }");
		String header = result.getResponseHeaders().getFirst("X-Trace-Id");
		JsonNode error = json.readTree(result.getResponseBody()).get("errors").get(0);

		assertThat(header).matches("[0-9a-f]{32}");
		assertThat(error.get("extensions").get("code").asString()).isEqualTo("FORBIDDEN");
		assertThat(error.get("extensions").get("traceId").asString()).isEqualTo(header);
	}

	@Test
	void aCallersRequestIdBecomesTheTraceIdAndAMalformedOneIsReplaced() {
		String token = tokens.token(newTenant("ops-request-id"), Role.REP);
		EntityExchangeResult<byte[]> echoed = post(token, "support-case-4711", "{ auditLog(first: 1) { totalCount } }");
		assertThat(echoed.getResponseHeaders().getFirst("X-Trace-Id")).isEqualTo("support-case-4711");
		assertThat(json.readTree(echoed.getResponseBody()).get("errors").get(0).get("extensions").get("traceId").asString())
			.isEqualTo("support-case-4711");

		EntityExchangeResult<byte[]> replaced = post(token, "not a sane id\u00e9", "{ viewer { tenant } }");
		assertThat(replaced.getResponseHeaders().getFirst("X-Trace-Id")).matches("[0-9a-f]{32}");
	}

	@Test
	void logLinesOfReactiveRequestCodeCarryTheTraceIdInTheMdc() throws Exception {
		String tenant = newTenant("ops-mdc");
		String token = tokens.token(tenant, Role.ADMIN);
		for (String code : List.of("512001", "512002", "512003")) {
			post(token, null, CREATE_ACCOUNT, Map.of("input", accountInput(code)));
		}
		superuser(sql -> execute(sql, "DELETE FROM audit_log WHERE tenant_id = '" + tenant + "' AND seq = 2"), true);

		List<ILoggingEvent> events = captureLogs("com.performanceos.platform.audit.AuditChainVerifier",
				() -> post(token, "mdc-check-verify-01", "{ verifyAuditChain { valid firstBrokenSequence } }"));

		assertThat(events).filteredOn(event -> event.getFormattedMessage().contains(tenant))
			.singleElement()
			.satisfies(event -> assertThat(event.getMDCPropertyMap()).containsEntry("traceId", "mdc-check-verify-01"));
	}

	@Test
	void aLostDatabaseConnectionIsServiceUnavailableAndItsLogLineCarriesTheTraceId() throws Exception {
		String tenant = newTenant("ops-db-lost");
		String token = tokens.token(tenant, Role.ADMIN);
		post(token, null, CREATE_ACCOUNT, Map.of("input", accountInput("512100")));

		// Hold the tenant's audit chain head so the next creation waits on it, then cut that waiting connection.
		List<ILoggingEvent> events;
		JsonNode response;
		try (Connection holder = TestServices.shared().superuserConnection()) {
			holder.setAutoCommit(false);
			execute(holder.createStatement(), "SELECT * FROM audit_chain_head WHERE tenant_id = '" + tenant + "' FOR UPDATE");
			int holderPid = backendPid(holder);
			CompletableFuture<EntityExchangeResult<byte[]>> blocked = new CompletableFuture<>();
			events = captureLogs("com.performanceos.platform.graphql.ExceptionMapping", () -> {
				CompletableFuture.runAsync(() -> blocked.complete(post(token, "mdc-check-db-lost-01", CREATE_ACCOUNT,
						Map.of("input", accountInput("512101")))));
				terminateTheBackendBlockedBy(holderPid);
				blocked.get(30, TimeUnit.SECONDS);
				return null;
			});
			holder.rollback();
			response = json.readTree(blocked.get().getResponseBody());
		}

		JsonNode error = response.get("errors").get(0);
		assertThat(error.get("extensions").get("code").asString()).isEqualTo("SERVICE_UNAVAILABLE");
		assertThat(error.get("extensions").get("traceId").asString()).isEqualTo("mdc-check-db-lost-01");
		assertThat(events).filteredOn(event -> event.getFormattedMessage().contains("mdc-check-db-lost-01"))
			.singleElement()
			.satisfies(event -> assertThat(event.getMDCPropertyMap()).containsEntry("traceId", "mdc-check-db-lost-01"));
	}

	private static int backendPid(Connection connection) throws SQLException {
		try (Statement sql = connection.createStatement(); ResultSet pid = sql.executeQuery("SELECT pg_backend_pid()")) {
			pid.next();
			return pid.getInt(1);
		}
	}

	/**
	 * Cuts exactly the application connection that waits on the holder's lock; background work of the same server
	 * (outbox relay, import jobs, period locks of other tests) may be waiting on locks of its own at the same time.
	 */
	private static void terminateTheBackendBlockedBy(int holderPid) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (System.nanoTime() < deadline) {
			try (Connection connection = TestServices.shared().superuserConnection();
					PreparedStatement terminate = connection.prepareStatement("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
							+ "WHERE usename = 'pos_app' AND ? = ANY (pg_blocking_pids(pid))")) {
				terminate.setInt(1, holderPid);
				try (ResultSet terminated = terminate.executeQuery()) {
					if (terminated.next()) {
						return;
					}
				}
			}
			Thread.sleep(50);
		}
		throw new AssertionError("No application connection started waiting on the held lock");
	}

	private <T> List<ILoggingEvent> captureLogs(String loggerName, java.util.concurrent.Callable<T> action) throws Exception {
		Logger logger = (Logger) LoggerFactory.getLogger(loggerName);
		ListAppender<ILoggingEvent> appender = new ListAppender<>();
		appender.start();
		logger.addAppender(appender);
		try {
			action.call();
		}
		finally {
			logger.detachAppender(appender);
		}
		return List.copyOf(appender.list);
	}

	private EntityExchangeResult<byte[]> post(String token, String requestId, String query) {
		return post(token, requestId, query, Map.of());
	}

	private EntityExchangeResult<byte[]> post(String token, String requestId, String query, Map<String, Object> variables) {
		return web.mutate().responseTimeout(Duration.ofSeconds(30)).build()
			.post().uri("/graphql")
			.header("Authorization", "Bearer " + token)
			.headers(headers -> {
				if (requestId != null) {
					headers.set("X-Request-Id", requestId);
				}
			})
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", query, "variables", variables))
			.exchange()
			.expectStatus().isOk()
			.expectBody(byte[].class)
			.returnResult();
	}

	private static Map<String, Object> accountInput(String code) {
		return Map.of("idempotencyKey", "k-" + code, "code", code, "name", "Account " + code, "type", "ASSET", "currency", "EUR");
	}

	private static void superuser(Consumer<Statement> work, boolean withoutTriggers) throws SQLException {
		try (Connection connection = TestServices.shared().superuserConnection(); Statement sql = connection.createStatement()) {
			if (withoutTriggers) {
				execute(sql, "SET session_replication_role = replica");
			}
			work.accept(sql);
		}
	}

	private static void execute(Statement sql, String statement) {
		try {
			sql.execute(statement);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(statement, ex);
		}
	}

}
