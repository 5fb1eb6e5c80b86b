package com.performanceos.contract;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

/**
 * The server's one configured third party, the bank aggregator, is WireMock here: the polling
 * fallback asks it for a connected account's transactions and stores what it answers.
 */
class BankAggregatorContractTests {

	private static final String CREATE_ACCOUNT = """
			mutation($input: CreateAccountInput!) {
			  createAccount(input: $input) { account { id } userErrors { code message } }
			}""";

	private static final String CREATE_BANK_ACCOUNT = """
			mutation($input: CreateBankAccountInput!) {
			  createBankAccount(input: $input) { bankAccount { id externalId } userErrors { code message field } }
			}""";

	private static final String TRANSACTIONS = """
			query($bankAccountId: ID!) {
			  bankTransactions(bankAccountId: $bankAccountId, first: 10) {
			    nodes { externalId bookingDate counterparty amount { amount currency } }
			  }
			}""";

	@Test
	void pollingFetchesTheTransactionsOfAConnectedAccountFromTheAggregator() {
		String externalId = "contract-" + UniqueCodes.random(12);
		String transactionId = "tx-" + UniqueCodes.random(12);
		LocalDate booked = LocalDate.now(ZoneOffset.UTC).minusDays(1);
		String stubId = stubTransactions(externalId, transactionId, booked);
		try {
			String bankAccountId = connectBankAccount(externalId);

			JsonPath stored = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
				.until(() -> GraphQlHttp.post(ContractEnvironment.adminToken(), TRANSACTIONS, Map.of("bankAccountId", bankAccountId))
					.then().statusCode(200).extract().jsonPath(),
						json -> !json.getList("data.bankTransactions.nodes").isEmpty());

			assertThat(stored.getString("data.bankTransactions.nodes[0].externalId")).isEqualTo(transactionId);
			assertThat(new BigDecimal(stored.getString("data.bankTransactions.nodes[0].amount.amount")))
				.isEqualByComparingTo("-1234.56");
			assertThat(stored.getString("data.bankTransactions.nodes[0].amount.currency")).isEqualTo("EUR");
			assertThat(stored.getString("data.bankTransactions.nodes[0].bookingDate")).isEqualTo(booked.toString());
			List<Map<String, Object>> calls = aggregatorCalls(externalId);
			assertThat(calls).isNotEmpty().allSatisfy(call -> {
				assertThat(call.get("method")).isEqualTo("GET");
				assertThat((String) call.get("url")).startsWith("/bank-aggregator/accounts/" + externalId + "/transactions?since=");
			});
		}
		finally {
			RestAssured.given().baseUri(ContractEnvironment.wireMockUrl()).delete("/__admin/mappings/" + stubId)
				.then().statusCode(200);
		}
	}

	private static String connectBankAccount(String externalId) {
		String ledgerAccountId = GraphQlHttp.post(ContractEnvironment.adminToken(), CREATE_ACCOUNT, Map.of("input", Map.of(
				"idempotencyKey", UniqueCodes.idempotencyKey(), "code", UniqueCodes.accountCode("512"),
				"name", "Bank pivot", "type", "ASSET", "currency", "EUR")))
			.then().statusCode(200).body("data.createAccount.userErrors", empty())
			.extract().path("data.createAccount.account.id");
		return GraphQlHttp.post(ContractEnvironment.adminToken(), CREATE_BANK_ACCOUNT, Map.of("input", Map.of(
				"idempotencyKey", UniqueCodes.idempotencyKey(), "name", "Contract current account", "bankName", "Contract Bank",
				"entity", "FR-PARIS", "currency", "EUR", "iban", UniqueCodes.frenchIban(), "ledgerAccountId", ledgerAccountId,
				"openingBalance", "0", "openingDate", LocalDate.now(ZoneOffset.UTC).minusDays(10).toString(),
				"externalId", externalId)))
			.then().statusCode(200)
			.body("data.createBankAccount.userErrors", empty())
			.body("data.createBankAccount.bankAccount.externalId", equalTo(externalId))
			.extract().path("data.createBankAccount.bankAccount.id");
	}

	/** Registers the aggregator's answer for one account; returns the stub's id. */
	private static String stubTransactions(String externalId, String transactionId, LocalDate booked) {
		Map<String, Object> transaction = Map.of("id", transactionId, "bookingDate", booked.toString(), "valueDate",
				booked.toString(), "amount", "-1234.56", "currency", "EUR", "counterparty", "ACME SUPPLIES",
				"label", "Invoice 2026-001");
		Map<String, Object> stub = Map.of("priority", 1,
				"request", Map.of("method", "GET", "urlPath", "/bank-aggregator/accounts/" + externalId + "/transactions"),
				"response", Map.of("status", 200, "headers", Map.of("Content-Type", "application/json"),
						"jsonBody", Map.of("accountId", externalId, "transactions", List.of(transaction))));
		return RestAssured.given().baseUri(ContractEnvironment.wireMockUrl()).contentType(ContentType.JSON).body(stub)
			.post("/__admin/mappings")
			.then().statusCode(201)
			.extract().path("id");
	}

	/** What WireMock's request journal recorded for the account. */
	private static List<Map<String, Object>> aggregatorCalls(String externalId) {
		return RestAssured.given().baseUri(ContractEnvironment.wireMockUrl()).contentType(ContentType.JSON)
			.body(Map.of("method", "GET", "urlPath", "/bank-aggregator/accounts/" + externalId + "/transactions"))
			.post("/__admin/requests/find")
			.then().statusCode(200)
			.extract().jsonPath().getList("requests");
	}

}
