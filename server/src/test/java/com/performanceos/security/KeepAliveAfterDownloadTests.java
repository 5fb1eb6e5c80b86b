package com.performanceos.security;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import com.performanceos.platform.security.Role;
import com.performanceos.testsupport.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that reuses one keep-alive connection for a download, a refused request and the next
 * request gets every answer at once. Downloads used to announce their length and end the response
 * a moment after their last byte; a request sent in that moment and answered at once (a 400) left
 * the connection unread, and the request after it waited for the client's timeout (60 s in the
 * test suites). See {@code DocumentResponses.send}.
 */
class KeepAliveAfterDownloadTests extends IntegrationTest {

	private static final int ROUNDS = 40;

	@Test
	void requestsAfterADownloadAndARefusalOnOneConnectionAreAnsweredPromptly() {
		String tenant = newTenant("keep-alive");
		String token = tokens.token(tenant, Role.ADMIN);
		ConnectionProvider oneConnection = ConnectionProvider.builder("keep-alive-test").maxConnections(1).build();
		try {
			WebTestClient client = WebTestClient.bindToServer(new ReactorClientHttpConnector(HttpClient.create(oneConnection)))
				.baseUrl("http://127.0.0.1:" + port)
				// Far above a prompt answer on a loaded machine, far below the 60 s the defect cost.
				.responseTimeout(Duration.ofSeconds(15))
				.build();
			for (int round = 0; round < ROUNDS; round++) {
				String download = round % 2 == 0 ? "/exports/audit-log.json" : "/exports/journal-entries.csv";
				client.get().uri(download).header("Authorization", "Bearer " + token).exchange().expectStatus().isOk().expectBody().returnResult();
				client.get()
					.uri("/exports/audit-log.csv?from=yesterday")
					.header("Authorization", "Bearer " + token)
					.exchange()
					.expectStatus().isBadRequest()
					.expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("BAD_USER_INPUT");
				Http.Answer next = Http.Answer.of(client.post()
					.uri("/graphql")
					.header("Authorization", "Bearer " + token)
					.contentType(MediaType.APPLICATION_JSON)
					.bodyValue(Map.of("query", "{ viewer { tenant } }"))
					.exchange()
					.expectBody()
					.returnResult());
				assertThat(next.json().path("data").path("viewer").path("tenant").asString()).as(next.text()).isEqualTo(tenant);
			}
		}
		finally {
			oneConnection.dispose();
		}
	}

}
