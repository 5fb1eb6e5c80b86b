package com.performanceos.ledger.bank;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.reactive.function.client.WebClient;

import com.performanceos.platform.security.Role;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The polling fallback against a WireMock aggregator: success, failures that open the breaker, short-circuit, recovery. */
class BankAggregatorPollingIntegrationTests extends BankTestSupport {

	private static final LocalDate SINCE = LocalDate.of(2026, 4, 1);

	/** Two attempts per call (one retry); half of the last four attempts failing opens the breaker; a short open state. */
	private static final BankAggregatorProperties.Polling SETTINGS = new BankAggregatorProperties.Polling(Duration.ofMinutes(5),
			Duration.ofMillis(500), 1, Duration.ofMillis(20), 50, 4, Duration.ofSeconds(1), 30);

	@Autowired
	TransactionIngestion ingestion;

	private WireMockServer aggregator;

	@BeforeEach
	void startAggregator() {
		aggregator = new WireMockServer(options().dynamicPort());
		aggregator.start();
	}

	@AfterEach
	void stopAggregator() {
		aggregator.stop();
	}

	@Test
	void pollsTransactionsThenOpensTheBreakerOnFailuresShortCircuitsAndRecovers() throws Exception {
		String tenant = newTenant("bank-poll");
		String externalId = "poll-" + tenant;
		var finance = graphQl(tenant, Role.FINANCE);
		bankAccount(finance, bankAccountInput("poll", "Compte courant", "Société Générale", "FR-PARIS", "EUR", iban("30003000011234567890177"),
				ledgerAccount(finance, "512000", "ASSET", "EUR"), "0", "2026-01-01", externalId));
		TransactionIngestion.Route route = ingestion.route(tenant, externalId).block().orElseThrow();
		String path = "/accounts/" + externalId + "/transactions";
		AggregatorClient client = new AggregatorClient(WebClient.builder(), URI.create(aggregator.baseUrl()), SETTINGS, json);

		answer(path, 200, batch(externalId, List.of(transaction("p1", "2026-05-04", "-42.00", "EUR", "OVH", "PRLV OVH"))));
		assertThat(AggregatorPolling.poll(ingestion, client, route, SINCE).block()).isEqualTo(1);
		assertThat(AggregatorPolling.poll(ingestion, client, route, SINCE).block()).as("polled again: nothing new").isEqualTo(0);
		assertThat(aggregator.getAllServeEvents()).allSatisfy(event -> {
			assertThat(event.getRequest().queryParameter("since").firstValue()).isEqualTo("2026-04-01");
			// The aggregator answers for the accounts this tenant connected only.
			assertThat(event.getRequest().queryParameter("tenant").firstValue()).isEqualTo(tenant);
		});

		answer(path, 500, "{}".getBytes());
		assertThatThrownBy(() -> client.transactions(tenant, externalId, SINCE).block()).isNotInstanceOf(CallNotPermittedException.class);
		assertThat(client.state()).isEqualTo(CircuitBreaker.State.OPEN);
		int reached = calls(path);
		assertThat(reached).as("two successes, then one failed call and its retry").isEqualTo(4);

		assertThatThrownBy(() -> client.transactions(tenant, externalId, SINCE).block()).isInstanceOf(CallNotPermittedException.class);
		assertThat(calls(path)).as("an open breaker does not call the aggregator").isEqualTo(reached);

		answer(path, 200, batch(externalId, List.of(transaction("p1", "2026-05-04", "-42.00", "EUR", "OVH", "PRLV OVH"),
				transaction("p2", "2026-05-05", "1500.00", "EUR", "Client", "VIR"))));
		await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
			.until(() -> AggregatorPolling.poll(ingestion, client, route, SINCE).onErrorReturn(-1).block() == 1);
		assertThat(client.state()).isEqualTo(CircuitBreaker.State.CLOSED);
		assertThat(superuserRows("SELECT external_id FROM ledger_bank_transaction WHERE tenant_id = ? ORDER BY external_id", tenant))
			.containsExactly(List.of("p1"), List.of("p2"));
	}

	@Test
	void aSlowAggregatorTimesOut() {
		AggregatorClient client = new AggregatorClient(WebClient.builder(), URI.create(aggregator.baseUrl()), SETTINGS, json);
		aggregator.stubFor(get(urlPathEqualTo("/accounts/slow/transactions"))
			.willReturn(aResponse().withStatus(200).withFixedDelay(2_000).withBody("{}")));
		assertThatThrownBy(() -> client.transactions("slow-tenant", "slow", SINCE).block(Duration.ofSeconds(5)))
			.hasRootCauseInstanceOf(java.util.concurrent.TimeoutException.class);
	}

	private void answer(String path, int status, byte[] body) {
		aggregator.resetMappings();
		aggregator.stubFor(get(urlPathEqualTo(path)).willReturn(aResponse().withStatus(status)
			.withHeader("Content-Type", "application/json").withBody(body)));
	}

	private int calls(String path) {
		return aggregator.countRequestsMatching(getRequestedFor(urlPathEqualTo(path)).build()).getCount();
	}

}
