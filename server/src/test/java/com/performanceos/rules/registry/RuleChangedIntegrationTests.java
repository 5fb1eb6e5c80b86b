package com.performanceos.rules.registry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.publisher.Mono;

import com.performanceos.platform.security.Role;
import com.performanceos.testsupport.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code ruleChanged}: live editors hear publications, retirements and rollbacks of their own tenant only. */
class RuleChangedIntegrationTests extends IntegrationTest {

	private static final Duration WINDOW = Duration.ofSeconds(10);

	@Autowired
	MeterRegistry meters;

	@Test
	void subscribersHearPublicationRollbackAndRetirementOfTheirTenantsRules() throws Exception {
		String tenant = newTenant("rules-live");
		RulesApi author = RulesApi.as("http://127.0.0.1:" + port, tokens, "sam", tenant, Role.SALES_OPS);
		RulesApi finance = RulesApi.as("http://127.0.0.1:" + port, tokens, "fiona", tenant, Role.FINANCE);
		double openBefore = meters.get("graphql.subscriptions.active").gauge().value();
		CompletableFuture<List<Map>> received = subscribe(tokens.token("audrey", tenant, Role.AUDITOR)).take(3).collectList().toFuture();
		CompletableFuture<List<Map>> otherTenant = subscribe(tokens.token("eve", newTenant("rules-live-other"), Role.ADMIN))
			.take(1).collectList().toFuture();
		await().atMost(WINDOW).until(() -> meters.get("graphql.subscriptions.active").gauge().value() >= openBefore + 2);

		List<String> rule = author.created("live", "EXPRESSION", RulesApi.version(RulesApi.expression("true", Map.of(), "BOOL"), "2026-01-01",
				List.of()));
		finance.publishedBy(author, rule.get(1));
		finance.rollback("rb", rule.get(1));
		finance.step("retire", rule.get(1));

		List<Map> events = received.get(WINDOW.toMillis(), TimeUnit.MILLISECONDS);
		assertThat(events.stream().map(event -> (Object) event.get("change")).toList()).containsExactly("PUBLISHED", "ROLLED_BACK", "RETIRED");
		assertThat(events.stream().map(event -> (Object) ((Map<?, ?>) event.get("version")).get("number")).toList()).containsExactly(1, 2, 1);
		assertThat(((Map<?, ?>) ((Map<?, ?>) events.get(1).get("version")).get("rule")).get("name")).isEqualTo("live");
		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> !otherTenant.isDone());
		otherTenant.cancel(true);
	}

	private reactor.core.publisher.Flux<Map> subscribe(String token) throws IOException {
		return WebSocketGraphQlClient.builder("ws://127.0.0.1:" + port + "/graphql-ws", new ReactorNettyWebSocketClient())
			.interceptor(new WebSocketGraphQlClientInterceptor() {

				@Override
				public Mono<Object> connectionInitPayload() {
					return Mono.just(Map.of("Authorization", "Bearer " + token));
				}

			})
			.build()
			.document(new ClassPathResource("graphql-test/rulesRuleChanged.graphql").getContentAsString(StandardCharsets.UTF_8))
			.retrieveSubscription("ruleChanged")
			.toEntity(Map.class);
	}

}
