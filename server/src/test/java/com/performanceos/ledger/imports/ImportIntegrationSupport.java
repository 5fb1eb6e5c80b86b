package com.performanceos.ledger.imports;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.assertj.core.groups.Tuple;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.publisher.Mono;

import com.performanceos.platform.security.Role;
import com.performanceos.testsupport.IntegrationTest;

import static org.awaitility.Awaitility.await;

/** Starting imports, uploading their files and waiting for their jobs, as a client does. */
abstract class ImportIntegrationSupport extends IntegrationTest {

	static final Duration JOB_WINDOW = Duration.ofSeconds(90);

	/**
	 * A GraphQL tester with a generous response timeout: the machine running these tests is shared,
	 * and a 10,000-row file must not fail a test because the HTTP client gave up first.
	 */
	org.springframework.graphql.test.tester.HttpGraphQlTester tester(String tenant, Role role) {
		return org.springframework.graphql.test.tester.HttpGraphQlTester
			.builder(web.mutate().baseUrl("http://127.0.0.1:" + port + "/graphql").responseTimeout(JOB_WINDOW))
			.header("Authorization", "Bearer " + tokens.token(tenant, role))
			.responseTimeout(JOB_WINDOW)
			.build();
	}

	/** What {@code startImport} answered. */
	record Started(String id, String uploadUrl) {
	}

	Started start(GraphQlTester tester, String key, String kind, String fileName, Map<String, String> mapping, long rowCount,
			String amountSum, Map<String, Object> options) {
		List<Map<String, String>> columns = mapping.entrySet().stream().map(entry -> Map.of("column", entry.getKey(), "field", entry.getValue())).toList();
		var response = tester.documentName("importStart")
			.variable("input", Map.of("idempotencyKey", key, "kind", kind, "fileName", fileName, "columnMapping", columns, "controlTotals",
					Map.of("rowCount", rowCount, "amountSum", amountSum), "options", options))
			.execute();
		response.path("startImport.userErrors").entityList(Object.class).hasSize(0);
		return new Started(response.path("startImport.import.id").entity(String.class).get(),
				response.path("startImport.uploadUrl").entity(String.class).get());
	}

	WebTestClient.ResponseSpec upload(String tenant, Role role, String uploadUrl, String content) {
		return web.mutate().responseTimeout(Duration.ofSeconds(60)).build()
			.put()
			.uri(uploadUrl)
			.header("Authorization", "Bearer " + tokens.token(tenant, role))
			.contentType(MediaType.parseMediaType("text/csv"))
			.bodyValue(content.getBytes(StandardCharsets.UTF_8))
			.exchange();
	}

	/** Uploads the file of a started import as FINANCE (queued: 202) and returns the import once its job ended. */
	Map<String, Object> uploaded(GraphQlTester tester, String tenant, Started started, String content) {
		upload(tenant, Role.FINANCE, started.uploadUrl(), content).expectStatus().isAccepted();
		return awaitFinished(tester, started.id());
	}

	/** The import once its job ended. */
	Map<String, Object> awaitFinished(GraphQlTester tester, String importId) {
		await().atMost(JOB_WINDOW).pollInterval(Duration.ofMillis(200)).until(() -> {
			String status = tester.documentName("importNode").variable("id", importId).execute().path("node.status").entity(String.class).get();
			return !List.of("AWAITING_CONTENT", "QUEUED", "RUNNING").contains(status);
		});
		return tester.documentName("importNode").variable("id", importId).execute().path("node").entity(IMPORT_TYPE).get();
	}

	static final org.springframework.core.ParameterizedTypeReference<Map<String, Object>> IMPORT_TYPE =
			new org.springframework.core.ParameterizedTypeReference<>() {
			};

	void account(GraphQlTester tester, String code, String type) {
		tester.documentName("createAccount")
			.variable("input", Map.of("idempotencyKey", "acc-" + code, "code", code, "name", "Account " + code, "type", type, "currency", "EUR"))
			.execute()
			.path("createAccount.userErrors").entityList(Object.class).hasSize(0);
	}

	int journalEntryCount(GraphQlTester tester) {
		return tester.document("{ journalEntries(first: 1) { totalCount } }").execute().path("journalEntries.totalCount").entity(Integer.class).get();
	}

	/** A graphql-transport-ws client authenticated with the token, for subscriptions. */
	WebSocketGraphQlClient webSocket(String token) {
		return WebSocketGraphQlClient.builder("ws://127.0.0.1:" + port + "/graphql-ws", new ReactorNettyWebSocketClient())
			.interceptor(new WebSocketGraphQlClientInterceptor() {

				@Override
				public Mono<Object> connectionInitPayload() {
					return Mono.just(Map.of("Authorization", "Bearer " + token));
				}

			})
			.build();
	}

	/** A document of {@code graphql-test/}, for clients that take its text. */
	static String document(String name) {
		try (var in = ImportIntegrationSupport.class.getResourceAsStream("/graphql-test/" + name + ".graphql")) {
			return new String(java.util.Objects.requireNonNull(in, name).readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/** Where the report's problems are: (row, column, code) each. */
	static List<Tuple> located(Map<String, Object> imported) {
		return problems(imported).stream().map(problem -> Tuple.tuple(problem.get("row"), problem.get("column"), problem.get("code"))).toList();
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> problems(Map<String, Object> imported) {
		Map<String, Object> report = (Map<String, Object>) imported.get("report");
		return (List<Map<String, Object>>) ((Map<String, Object>) report.get("problems")).get("nodes");
	}

}
