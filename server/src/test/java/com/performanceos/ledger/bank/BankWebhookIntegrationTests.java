package com.performanceos.ledger.bank;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class BankWebhookIntegrationTests extends BankTestSupport {

	/** The promise to cockpits: a signed transaction is on screen within a second. */
	private static final Duration DELIVERY_BOUND = Duration.ofSeconds(1);

	private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

	private static final String IBAN = iban("30004000031234567890143");

	@Autowired
	MeterRegistry meters;

	@Test
	void aSignedTransactionReachesACashPositionChangedSubscriberWithinOneSecond() throws Exception {
		String tenant = newTenant("bank-live");
		String externalId = "agg-" + tenant;
		connectedBankAccount(tenant, externalId);
		double openBefore = activeSubscriptions();
		CompletableFuture<Map<String, Object>> received = webSocket(tokens.token(tenant, Role.FINANCE))
			.document(document("bankCashPositionChanged"))
			.retrieveSubscription("cashPositionChanged")
			.toEntity(Map.class)
			.next()
			.map(BankWebhookIntegrationTests::stringKeyed)
			.toFuture();
		await().atMost(CONNECT_TIMEOUT).until(() -> activeSubscriptions() >= openBefore + 1);

		long sentAt = System.nanoTime();
		deliverSigned(batch(externalId, List.of(transaction("tx-1", "2026-05-04", "1250.40", "EUR", "ACME SAS", "VIR ACME FACTURE 2026-118"))))
			.expectStatus().isOk();
		Map<String, Object> event = received.get(CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		Duration latency = Duration.ofNanos(System.nanoTime() - sentAt);

		assertThat(latency).as("from the webhook's arrival to the subscriber").isLessThan(DELIVERY_BOUND);
		assertThat(event).containsEntry("transactionCount", 1);
		assertThat(event.get("netChange")).isEqualTo(Map.of("amount", "1250.400000", "currency", "EUR"));
		assertThat(stringKeyed((Map<?, ?>) event.get("bankAccount"))).containsEntry("name", "Compte courant");
	}

	@Test
	void subscribersOfOneTenantShareTheEventsBankAccountButEachSeesItsOwnMaskingAndAudit() throws Exception {
		String tenant = newTenant("bank-share");
		String externalId = "agg-" + tenant;
		connectedBankAccount(tenant, externalId);
		double openBefore = activeSubscriptions();
		String document = "subscription { cashPositionChanged { eventId bankAccount { name iban } } }";
		CompletableFuture<Map<String, Object>> finance = firstEvent(tokens.token(tenant, Role.FINANCE), document);
		CompletableFuture<Map<String, Object>> analyst = firstEvent(tokens.token(tenant, Role.ANALYST), document);
		await().atMost(CONNECT_TIMEOUT).until(() -> activeSubscriptions() >= openBefore + 2);

		deliverSigned(batch(externalId, List.of(transaction("tx-1", "2026-05-04", "99.10", "EUR", "ACME SAS", "VIR ACME"))))
			.expectStatus().isOk();
		Map<String, Object> full = finance.get(CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		Map<String, Object> masked = analyst.get(CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);

		assertThat(masked.get("eventId")).isEqualTo(full.get("eventId"));
		assertThat(stringKeyed((Map<?, ?>) full.get("bankAccount"))).containsEntry("iban", IBAN);
		assertThat(stringKeyed((Map<?, ?>) masked.get("bankAccount")))
			.containsEntry("iban", IBAN.substring(0, IBAN.length() - 6) + "******");
		assertThat(superuserRows("SELECT actor FROM audit_log WHERE tenant_id = ? AND action = ?", tenant,
				BankAccountController.MASKED_VIEW_ACTION)).hasSize(1);
	}

	private CompletableFuture<Map<String, Object>> firstEvent(String token, String document) {
		return webSocket(token).document(document)
			.retrieveSubscription("cashPositionChanged")
			.toEntity(Map.class)
			.next()
			.map(BankWebhookIntegrationTests::stringKeyed)
			.toFuture();
	}

	@Test
	void unsignedTamperedAndStaleDeliveriesAreRefusedAuditedAndStoreNothing() throws Exception {
		String tenant = newTenant("bank-refused");
		String externalId = "agg-" + tenant;
		connectedBankAccount(tenant, externalId);
		byte[] body = batch(externalId, List.of(transaction("tx-1", "2026-05-04", "-99.00", "EUR", "EDF", "PRLV EDF")));
		String now = String.valueOf(Instant.now().getEpochSecond());
		String signed = signature.header(now, body);
		byte[] tampered = text(body).replace("-99.00", "-9.00").getBytes(StandardCharsets.UTF_8);
		String stale = String.valueOf(Instant.now().minus(Duration.ofMinutes(6)).getEpochSecond());
		double refusedBefore = refusals();

		deliver(body, null, null).expectStatus().isUnauthorized();
		deliver(tampered, signed, now).expectStatus().isUnauthorized();
		deliver(body, signature.header(stale, body), stale).expectStatus().isUnauthorized();
		deliver(body, signed, String.valueOf(Long.parseLong(now) + 1)).expectStatus().isUnauthorized();

		assertThat(superuserRows("SELECT count(*) FROM ledger_bank_transaction WHERE tenant_id = ?", tenant)).containsExactly(List.of("0"));
		assertThat(superuserRows("SELECT after_image->>'reason' FROM audit_log WHERE tenant_id = ? AND action = ? ORDER BY seq", tenant,
				AggregatorWebhook.REFUSED_ACTION))
			.extracting(row -> row.get(0))
			.containsExactly("MISSING_SIGNATURE", "BAD_SIGNATURE", "STALE_TIMESTAMP", "BAD_SIGNATURE");
		assertThat(refusals()).isEqualTo(refusedBefore + 4);

		// The genuine delivery still goes through.
		deliverSigned(body).expectStatus().isOk();
		assertThat(superuserRows("SELECT count(*) FROM ledger_bank_transaction WHERE tenant_id = ?", tenant)).containsExactly(List.of("1"));
	}

	@Test
	void aRedeliveredTransactionIsStoredOnce() throws Exception {
		String tenant = newTenant("bank-dup");
		String externalId = "agg-" + tenant;
		connectedBankAccount(tenant, externalId);
		byte[] first = batch(externalId, List.of(transaction("tx-1", "2026-05-04", "-120.00", "EUR", "ORANGE", "PRLV ORANGE"),
				transaction("tx-2", "2026-05-05", "300.00", "EUR", "CLIENT A", "VIR CLIENT A")));
		byte[] overlapping = batch(externalId, List.of(transaction("tx-2", "2026-05-05", "300.00", "EUR", "CLIENT A", "VIR CLIENT A"),
				transaction("tx-3", "2026-05-06", "-15.00", "EUR", "BANQUE", "FRAIS")));

		deliverSigned(first).expectStatus().isOk().expectBody().jsonPath("$.stored").isEqualTo(2);
		deliverSigned(first).expectStatus().isOk().expectBody().jsonPath("$.stored").isEqualTo(0);
		deliverSigned(overlapping).expectStatus().isOk().expectBody().jsonPath("$.stored").isEqualTo(1);

		graphQl(tenant, Role.AUDITOR).documentName("bankTransactionsList").execute()
			.path("bankTransactions.totalCount").entity(Integer.class).isEqualTo(3)
			.path("bankTransactions.nodes[*].externalId").entityList(String.class).containsExactly("tx-1", "tx-2", "tx-3");
	}

	@Test
	void anUnknownAccountOrAnInvalidBatchIsRefusedWithoutStoring() throws Exception {
		String tenant = newTenant("bank-invalid");
		String externalId = "agg-" + tenant;
		connectedBankAccount(tenant, externalId);
		deliverSigned(batch("agg-unknown-" + tenant, List.of(transaction("tx-1", "2026-05-04", "10", "EUR", "X", "Y"))))
			.expectStatus().isNotFound();
		deliverSigned(batch(externalId, List.of(transaction("tx-1", "2026-05-04", "10", "USD", "X", "Y")))).expectStatus().isBadRequest();
		deliverSigned(batch(externalId, List.of(transaction("tx-1", "04/05/2026", "10", "EUR", "X", "Y")))).expectStatus().isBadRequest();
		deliverSigned(batch(externalId, List.of(transaction("tx-1", "2026-05-04", "0", "EUR", "X", "Y")))).expectStatus().isBadRequest();
		assertThat(superuserRows("SELECT count(*) FROM ledger_bank_transaction WHERE tenant_id = ?", tenant)).containsExactly(List.of("0"));
	}

	private void connectedBankAccount(String tenant, String externalId) {
		var finance = graphQl(tenant, Role.FINANCE);
		String pivot = ledgerAccount(finance, "512000", "ASSET", "EUR");
		bankAccount(finance, bankAccountInput("bank-1", "Compte courant", "BNP Paribas", "FR-PARIS", "EUR", IBAN,
				pivot, "0", "2026-01-01", externalId));
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

	private double activeSubscriptions() {
		return meters.get("graphql.subscriptions.active").gauge().value();
	}

	private double refusals() {
		return meters.find(AggregatorWebhook.REFUSED_METRIC).counters().stream().mapToDouble(counter -> counter.count()).sum();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> stringKeyed(Map<?, ?> map) {
		return (Map<String, Object>) map;
	}

	private static String document(String name) {
		try {
			return new ClassPathResource("graphql-test/" + name + ".graphql").getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Missing test document " + name, ex);
		}
	}

}
