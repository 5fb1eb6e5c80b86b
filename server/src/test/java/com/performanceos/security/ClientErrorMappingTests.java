package com.performanceos.security;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.SubscriptionErrorException;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.publisher.Mono;

import com.performanceos.platform.graphql.GlobalId;
import com.performanceos.platform.jobs.Jobs;
import com.performanceos.platform.security.Role;
import com.performanceos.platform.tenancy.TenantDatabase;
import com.performanceos.testsupport.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Client mistakes answered with a client code, never INTERNAL or an empty 200: each case is one
 * the black-box run saw reported as a server failure.
 */
class ClientErrorMappingTests extends IntegrationTest {

	private static final String JOB_PROGRESS = "subscription Progress($id: ID!) { jobProgress(id: $id) { id status } }";

	@Autowired
	private Jobs jobs;

	@Autowired
	private TenantDatabase database;

	@Test
	void persistedQueryExtensionThatIsNotAnObjectIsBadUserInput() {
		String token = tokens.token(newTenant("apq-shape"), Role.ADMIN);
		for (Object shape : List.of("x", 1, List.of("a"), true)) {
			Http.Answer answer = Http.graphQl(web, token, Map.of("extensions", Map.of("persistedQuery", shape)));
			assertThat(answer.status().value()).as(answer.text()).isEqualTo(200);
			assertThat(answer.firstErrorCode()).as(answer.text()).isEqualTo("BAD_USER_INPUT");
		}
	}

	@Test
	void emptyOrNullBodyIsATypedBadRequest() {
		String token = tokens.token(newTenant("empty-body"), Role.ADMIN);
		for (String body : List.of("", "null", "  ")) {
			Http.Answer answer = Http.Answer.of(web.post()
				.uri("/graphql")
				.header("Authorization", "Bearer " + token)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(body)
				.exchange()
				.expectBody()
				.returnResult());
			assertThat(answer.status().value()).as("body '%s': %s", body, answer.text()).isEqualTo(400);
			assertThat(answer.firstErrorCode()).isEqualTo("BAD_REQUEST");
			assertThat(answer.json().path("errors").path(0).path("extensions").path("traceId").asString()).isNotBlank();
		}
	}

	@Test
	void urlsTheFirewallRefusesGetATypedBadRequest() {
		String token = tokens.token(newTenant("firewall"), Role.ADMIN);
		for (String path : List.of("/graphql%00", "/exports/audit-log%00.csv", "/exports/close-certificates/2026-03%00", "/graphql/%2e%2e/x",
				"/exports/a%5Cb", "/graphql?x=%00")) {
			Http.Answer answer = Http.Answer.of(web.get()
				.uri(java.net.URI.create("http://127.0.0.1:" + port + path))
				.header("Authorization", "Bearer " + token)
				.exchange()
				.expectBody()
				.returnResult());
			assertThat(answer.status().value()).as("%s: %s", path, answer.text()).isBetween(400, 499);
			assertThat(answer.firstErrorCode()).as("%s: %s", path, answer.text()).isNotBlank();
			assertThat(answer.json().path("errors").path(0).path("extensions").path("traceId").asString()).as(path).isNotBlank();
		}
	}

	@Test
	void introspectionNotInGoodFaithIsACostRefusal() {
		String token = tokens.token(newTenant("bad-faith"), Role.ADMIN);
		Http.Answer answer = Http.graphQl(web, token,
				Map.of("query", "{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }"));
		assertThat(answer.json().path("errors").isEmpty()).as(answer.text()).isFalse();
		assertThat(answer.firstErrorCode()).as(answer.text()).isIn("COST_LIMIT_EXCEEDED", "DEPTH_LIMIT_EXCEEDED");
		assertThat(answer.text()).doesNotContain("INTERNAL");
	}

	@Test
	void jobProgressOfAnotherTenantsJobIsNotFoundLikeAMissingJob() {
		String owner = newTenant("job-owner");
		String stranger = newTenant("job-stranger");
		UUID key = database.run(owner, tx -> jobs.create(tx, "security.probe")).block(Duration.ofSeconds(30)).key();
		String token = tokens.token(stranger, Role.ADMIN);

		String othersId = GlobalId.encode("Job", key);
		String missingId = GlobalId.encode("Job", UUID.randomUUID());
		ResponseError othersJob = firstError(token, othersId);
		ResponseError missingJob = firstError(token, missingId);

		assertThat(othersJob.getExtensions()).containsEntry("code", "NOT_FOUND");
		assertThat(missingJob.getExtensions()).containsEntry("code", "NOT_FOUND");
		assertThat(othersJob.getMessage().replace(othersId, "<id>")).isEqualTo(missingJob.getMessage().replace(missingId, "<id>"));
	}

	private ResponseError firstError(String token, String jobId) {
		List<ResponseError> errors = webSocket(token).document(JOB_PROGRESS)
			.variable("id", jobId)
			.executeSubscription()
			.map(ClientGraphQlResponse::getErrors)
			.onErrorResume(SubscriptionErrorException.class, refused -> Mono.just(refused.getErrors()))
			.blockFirst(Duration.ofSeconds(30));
		assertThat(errors).hasSize(1);
		return errors.get(0);
	}

	private WebSocketGraphQlClient webSocket(String token) {
		return WebSocketGraphQlClient.builder("ws://127.0.0.1:" + port + "/graphql-ws", new ReactorNettyWebSocketClient())
			.interceptor(new WebSocketGraphQlClientInterceptor() {

				@Override
				public Mono<Object> connectionInitPayload() {
					return Mono.just(Map.of("Authorization", "Bearer " + token));
				}

			})
			.build();
	}

}
