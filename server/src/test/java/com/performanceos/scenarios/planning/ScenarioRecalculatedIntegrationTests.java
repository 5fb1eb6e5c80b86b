package com.performanceos.scenarios.planning;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.client.SubscriptionErrorException;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

import com.performanceos.platform.security.Role;
import com.performanceos.testsupport.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** {@code scenarioRecalculated} over WebSocket: an invoice and a driver change each push the recalculated forecast; tenants stay apart. */
class ScenarioRecalculatedIntegrationTests extends IntegrationTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private static final String SUBSCRIPTION = "subscription($id: ID!) { scenarioRecalculated(scenarioId: $id, asOf: \"2026-03-02\", "
			+ "horizonDays: 30) { eventId cause scenario { name } asOf forecast { closing { amount } drivers { collectionRate } } } }";

	@Autowired
	private MeterRegistry meters;

	@Test
	void anInvoiceAndADriverChangeEachPushTheRecalculatedForecast() throws Exception {
		String tenant = newTenant("recalc");
		GraphQlTester finance = graphQl(tenant, Role.FINANCE);
		String scenario = ScenarioFixture.scenario(finance, "Base", "BASE", Map.of());

		double open = activeSubscriptions();
		List<Map> events = new CopyOnWriteArrayList<>();
		Disposable subscription = webSocket(tenant, Role.ANALYST).document(SUBSCRIPTION).variable("id", scenario)
			.retrieveSubscription("scenarioRecalculated")
			.toEntity(Map.class)
			.subscribe(events::add);
		await().atMost(TIMEOUT).until(() -> activeSubscriptions() >= open + 1);

		// 1,000.00 due 2026-03-05, no payment history anywhere: collected in full (BASE) within the 30 days.
		Map<String, Object> invoice = new LinkedHashMap<>();
		invoice.put("idempotencyKey", "inv-1");
		invoice.put("kind", "CUSTOMER");
		invoice.put("number", "R-1");
		invoice.put("counterpartyCode", "C1");
		invoice.put("counterpartyName", "Customer");
		invoice.put("region", "FR");
		invoice.put("issueDate", "2026-02-01");
		invoice.put("dueDate", "2026-03-05");
		invoice.put("amount", "1000.00");
		invoice.put("currency", "EUR");
		finance.documentName("receivablesCreateInvoice").variable("input", invoice).execute()
			.path("createInvoice.invoice.id").entity(String.class).get();
		// The second change comes after the first event, so the two are not collapsed into one.
		await().atMost(TIMEOUT).until(() -> events.size() >= 1);
		finance.document("mutation($input: UpdateScenarioDriversInput!) { updateScenarioDrivers(input: $input) { scenario { revision } } }")
			.variable("input", Map.of("scenarioId", scenario, "revision", 1, "drivers", Map.of("collectionRate", "0.5")))
			.execute()
			.path("updateScenarioDrivers.scenario.revision").entity(Integer.class).isEqualTo(2);

		await().atMost(TIMEOUT).until(() -> events.size() >= 2);
		subscription.dispose();
		assertThat(events).extracting(event -> event.get("cause")).containsExactly("INVOICE_CREATED", "DRIVERS_CHANGED");
		assertThat(events).allSatisfy(event -> assertThat(event.get("asOf")).isEqualTo("2026-03-02"));
		assertThat(closing(events.get(0))).isEqualByComparingTo("1000");
		assertThat(closing(events.get(1))).isEqualByComparingTo("500");
		assertThat(((Map<?, ?>) events.get(1).get("scenario")).get("name")).isEqualTo("Base");
	}

	@Test
	void anotherTenantsScenarioCannotBeFollowed() {
		String tenant = newTenant("recalc-owner");
		String scenario = ScenarioFixture.scenario(graphQl(tenant, Role.FINANCE), "Base", "BASE", Map.of());
		Mono<Map> other = webSocket(newTenant("recalc-other"), Role.FINANCE).document(SUBSCRIPTION).variable("id", scenario)
			.retrieveSubscription("scenarioRecalculated")
			.toEntity(Map.class)
			.next();
		assertThatThrownBy(() -> other.block(TIMEOUT)).isInstanceOf(SubscriptionErrorException.class)
			.satisfies(error -> assertThat(((SubscriptionErrorException) error).getErrors())
				.allSatisfy(graphQlError -> assertThat(graphQlError.getExtensions()).containsEntry("code", "NOT_FOUND")));
	}

	private static BigDecimal closing(Map<?, ?> event) {
		return new BigDecimal(((Map<?, ?>) ((Map<?, ?>) event.get("forecast")).get("closing")).get("amount").toString());
	}

	private WebSocketGraphQlClient webSocket(String tenant, Role role) {
		String token = tokens.token(tenant, role);
		return WebSocketGraphQlClient.builder("ws://127.0.0.1:" + port + "/graphql-ws", new ReactorNettyWebSocketClient())
			.interceptor(new WebSocketGraphQlClientInterceptor() {

				@Override
				public Mono<Object> connectionInitPayload() {
					return Mono.just(Map.of("Authorization", "Bearer " + token));
				}

			})
			.build();
	}

	private double activeSubscriptions() {
		return meters.get("graphql.subscriptions.active").gauge().value();
	}

}
