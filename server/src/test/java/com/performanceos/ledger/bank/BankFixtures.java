package com.performanceos.ledger.bank;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/** Bank fixtures for tests outside the bank package (statement imports): valid IBANs and signed aggregator deliveries. */
public final class BankFixtures {

	private final WebTestClient web;

	private final WebhookSignature signature;

	private final JsonMapper json;

	public BankFixtures(WebTestClient web, ApplicationContext context) {
		this.web = web;
		this.signature = context.getBean(WebhookSignature.class);
		this.json = context.getBean(JsonMapper.class);
	}

	/** A valid French IBAN (electronic form) for a 23-character BBAN. */
	public static String iban(String bban) {
		return BankTestSupport.iban(bban);
	}

	/**
	 * Delivers one EUR transaction of an aggregator account through the signed webhook of {@code tenant}, as the
	 * aggregator does for the connections of that tenant; answers the response to check.
	 */
	public WebTestClient.ResponseSpec deliverTo(String tenant, String aggregatorAccountId, String id, String bookingDate,
			String amount) {
		byte[] body = json.writeValueAsBytes(Map.of("accountId", aggregatorAccountId, "transactions",
				List.of(BankTestSupport.transaction(id, bookingDate, amount, "EUR", "ACME", "VIR ACME"))));
		String timestamp = String.valueOf(Instant.now().getEpochSecond());
		return web.post().uri(BankAggregatorConfiguration.WEBHOOK_PATH, tenant).contentType(MediaType.APPLICATION_JSON)
			.header(AggregatorWebhook.SIGNATURE_HEADER, signature.header(timestamp, body))
			.header(AggregatorWebhook.TIMESTAMP_HEADER, timestamp)
			.bodyValue(body)
			.exchange();
	}

	/** Delivers one EUR transaction through the signed webhook, as the aggregator would, and expects it stored. */
	public void deliver(String aggregatorAccountId, String id, String bookingDate, String amount, String counterparty, String label) {
		byte[] body = json.writeValueAsBytes(Map.of("accountId", aggregatorAccountId, "transactions",
				List.of(BankTestSupport.transaction(id, bookingDate, amount, "EUR", counterparty, label))));
		String timestamp = String.valueOf(Instant.now().getEpochSecond());
		web.post().uri(BankAggregatorConfiguration.WEBHOOK_PATH, BankTestSupport.tenantOf(json, body)).contentType(MediaType.APPLICATION_JSON)
			.header(AggregatorWebhook.SIGNATURE_HEADER, signature.header(timestamp, body))
			.header(AggregatorWebhook.TIMESTAMP_HEADER, timestamp)
			.bodyValue(body)
			.exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.stored").isEqualTo(1);
	}

	/** One transaction of an aggregator delivery (booked and valued on the same day). */
	public static Map<String, Object> transaction(String id, String bookingDate, String amount, String currency, String counterparty,
			String label) {
		return BankTestSupport.transaction(id, bookingDate, amount, currency, counterparty, label);
	}

	/** Delivers up to 1,000 transactions in one signed delivery, as the aggregator would, and expects them all stored. */
	public void deliverAll(String aggregatorAccountId, List<Map<String, Object>> transactions) {
		byte[] body = json.writeValueAsBytes(Map.of("accountId", aggregatorAccountId, "transactions", transactions));
		String timestamp = String.valueOf(Instant.now().getEpochSecond());
		web.post().uri(BankAggregatorConfiguration.WEBHOOK_PATH, BankTestSupport.tenantOf(json, body)).contentType(MediaType.APPLICATION_JSON)
			.header(AggregatorWebhook.SIGNATURE_HEADER, signature.header(timestamp, body))
			.header(AggregatorWebhook.TIMESTAMP_HEADER, timestamp)
			.bodyValue(body)
			.exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.stored").isEqualTo(transactions.size());
	}

}
