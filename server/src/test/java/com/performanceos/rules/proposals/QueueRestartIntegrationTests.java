package com.performanceos.rules.proposals;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.performanceos.PerformanceOsApplication;
import com.performanceos.platform.ai.AiIntegrationTest;
import com.performanceos.platform.security.EmbeddedIssuerHolder;
import com.performanceos.platform.security.Role;
import com.performanceos.testsupport.TestServices;
import com.performanceos.testsupport.TestTokens;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The queue is durable: a request queued while the provider is down survives the server stopping, and the next
 * server answers it once the provider is back, exactly once. Two application contexts are started and stopped in
 * turn against a database of their own (in the test PostgreSQL server), so that no other context of the test JVM
 * drains the queue meanwhile.
 */
class QueueRestartIntegrationTests {

	static {
		TestServices.shared().exportAsSystemProperties();
	}

	private final WireMockServer provider = new WireMockServer(options().dynamicPort());

	private final String database = "ai_restart_" + java.util.UUID.randomUUID().toString().substring(0, 8);

	@BeforeEach
	void startProviderAndCreateDatabase() throws java.sql.SQLException {
		provider.start();
		try (var connection = TestServices.shared().superuserConnection(); var statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + database);
		}
	}

	@AfterEach
	void stopProvider() {
		provider.stop();
	}

	@Test
	void aRequestQueuedBeforeARestartIsAnsweredOnceAfterIt() {
		String tenant = "ai-restart-" + java.util.UUID.randomUUID().toString().substring(0, 8);
		provider.stubFor(post(urlPathEqualTo(AiIntegrationTest.CHAT_PATH)).willReturn(aResponse().withStatus(500)));
		String proposalId;
		try (ConfigurableApplicationContext first = start()) {
			proposalId = person(first, tenant).documentName("aiProposePlan")
				.variable("input", Map.of("idempotencyKey", "p1", "sentence", "10 % on ARR", "ruleName", "plan")).execute()
				.path("proposePlan.proposal.status").entity(String.class).isEqualTo("QUEUED")
				.path("proposePlan.proposal.id").entity(String.class).get();
		}
		assertThat(rows("SELECT status FROM ai_request WHERE tenant_id = ?", tenant)).containsExactly(List.of("QUEUED"));

		provider.resetAll();
		provider.stubFor(post(urlPathEqualTo(AiIntegrationTest.CHAT_PATH)).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody(AiIntegrationTest.completion(AiIntegrationTest.recorded("plan-ae-france.json")))));
		try (ConfigurableApplicationContext second = start()) {
			HttpGraphQlTester alice = person(second, tenant);
			await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> alice.documentName("aiProposal")
				.variable("id", proposalId).execute().path("aiProposal.status").entity(String.class).get().equals("PROPOSED"));
		}
		assertThat(rows("SELECT status FROM ai_request WHERE tenant_id = ?", tenant)).containsExactly(List.of("DONE"));
		assertThat(rows("SELECT requests FROM ai_usage WHERE tenant_id = ?", tenant)).as("answered and counted once")
			.containsExactly(List.of("1"));
		assertThat(rows("SELECT status FROM rules_proposal WHERE tenant_id = ?", tenant)).containsExactly(List.of("PROPOSED"));
	}

	/** Command-line arguments: they win over the system properties the shared test services export. */
	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(PerformanceOsApplication.class).run("--server.port=0",
				"--performanceos.postgres.url=" + databaseUrl(), "--performanceos.ai.base-url=" + provider.baseUrl() + "/v1",
				"--performanceos.ai.model=" + AiIntegrationTest.MODEL, "--performanceos.ai.timeout=3s", "--performanceos.ai.retries=0",
				"--performanceos.ai.drain-interval=500ms");
	}

	private String databaseUrl() {
		String shared = TestServices.shared().postgresUrl();
		return shared.substring(0, shared.lastIndexOf('/') + 1) + database;
	}

	private static HttpGraphQlTester person(ConfigurableApplicationContext context, String tenant) {
		String port = context.getEnvironment().getRequiredProperty("local.server.port");
		TestTokens tokens = new TestTokens(context.getBean(EmbeddedIssuerHolder.class).issuer().orElseThrow());
		WebTestClient.Builder web = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port + "/graphql")
			.responseTimeout(Duration.ofSeconds(60));
		return HttpGraphQlTester.builder(web).header("Authorization", "Bearer " + tokens.token("alice", tenant, Role.SALES_OPS)).build();
	}

	private List<List<String>> rows(String sql, Object... parameters) {
		try (var connection = java.sql.DriverManager.getConnection("jdbc:" + databaseUrl(), "postgres", "postgres");
				var statement = connection.prepareStatement(sql)) {
			for (int index = 0; index < parameters.length; index++) {
				statement.setObject(index + 1, parameters[index]);
			}
			List<List<String>> rows = new java.util.ArrayList<>();
			try (var result = statement.executeQuery()) {
				while (result.next()) {
					rows.add(List.of(result.getString(1)));
				}
			}
			return rows;
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
