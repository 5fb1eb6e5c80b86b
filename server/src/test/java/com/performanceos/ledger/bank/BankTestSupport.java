package com.performanceos.ledger.bank;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

import com.performanceos.testsupport.IntegrationTest;
import com.performanceos.testsupport.TestServices;

/** Fixtures shared by the bank and cash integration tests: accounts, signed deliveries, direct reads as superuser. */
abstract class BankTestSupport extends IntegrationTest {

	@Autowired
	WebhookSignature signature;

	@Autowired
	JsonMapper json;

	/** A cold server on a shared, loaded machine can take more than WebTestClient's default 5 s on a first request. */
	@BeforeEach
	void allowSlowFirstRequests() {
		web = web.mutate().responseTimeout(Duration.ofSeconds(30)).build();
	}

	/** A valid French IBAN for a 23-character BBAN: the check digits make its mod-97 remainder 1. */
	static String iban(String bban) {
		String rearranged = bban + "FR00";
		StringBuilder digits = new StringBuilder();
		for (char c : rearranged.toCharArray()) {
			digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
		}
		int check = 98 - new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue();
		return "FR" + String.format("%02d", check) + bban;
	}

	static String ledgerAccount(GraphQlTester tester, String code, String type, String currency) {
		return tester.documentName("createAccount")
			.variable("input", Map.of("idempotencyKey", "acc-" + code, "code", code, "name", "Account " + code, "type", type, "currency", currency))
			.execute()
			.path("createAccount.account.id").entity(String.class).get();
	}

	static Map<String, Object> bankAccountInput(String key, String name, String bankName, String entity, String currency, String iban,
			String ledgerAccountId, String opening, String openingDate, String externalId) {
		Map<String, Object> input = new LinkedHashMap<>();
		input.put("idempotencyKey", key);
		input.put("name", name);
		input.put("bankName", bankName);
		input.put("entity", entity);
		input.put("currency", currency);
		input.put("iban", iban);
		input.put("ledgerAccountId", ledgerAccountId);
		input.put("openingBalance", opening);
		input.put("openingDate", openingDate);
		if (externalId != null) {
			input.put("externalId", externalId);
		}
		return input;
	}

	static String bankAccount(GraphQlTester tester, Map<String, Object> input) {
		GraphQlTester.Response response = tester.documentName("bankCreateBankAccount").variable("input", input).execute();
		response.path("createBankAccount.userErrors").entityList(Object.class).hasSize(0);
		return response.path("createBankAccount.bankAccount.id").entity(String.class).get();
	}

	static Map<String, Object> transaction(String id, String bookingDate, String amount, String currency, String counterparty, String label) {
		return Map.of("id", id, "bookingDate", bookingDate, "valueDate", bookingDate, "amount", amount, "currency", currency,
				"counterparty", counterparty, "label", label);
	}

	byte[] batch(String accountId, List<Map<String, Object>> transactions) {
		return json.writeValueAsBytes(Map.of("accountId", accountId, "transactions", transactions));
	}

	/** Posts a delivery signed now with the server's secret. */
	WebTestClient.ResponseSpec deliverSigned(byte[] body) {
		String timestamp = String.valueOf(Instant.now().getEpochSecond());
		return deliver(body, signature.header(timestamp, body), timestamp);
	}

	WebTestClient.ResponseSpec deliver(byte[] body, String signatureHeader, String timestamp) {
		WebTestClient.RequestBodySpec request = web.post().uri(BankAggregatorConfiguration.WEBHOOK_PATH, tenantOf(json, body))
			.contentType(MediaType.APPLICATION_JSON);
		if (signatureHeader != null) {
			request = request.header(AggregatorWebhook.SIGNATURE_HEADER, signatureHeader);
		}
		if (timestamp != null) {
			request = request.header(AggregatorWebhook.TIMESTAMP_HEADER, timestamp);
		}
		return request.bodyValue(body).exchange();
	}

	/**
	 * The tenant the aggregator would name in the webhook's path for the account id of {@code body}: the tenant that
	 * registered it (test account ids are unique across tenants), or one nobody uses.
	 */
	static String tenantOf(JsonMapper json, byte[] body) {
		String accountId = AggregatorBatch.accountIdOf(json, body);
		try {
			List<List<String>> rows = accountId == null ? List.of()
					: superuserRows("SELECT tenant_id FROM ledger_bank_aggregator_route WHERE external_id = ?", accountId);
			return rows.isEmpty() ? "no-such-tenant" : rows.get(0).get(0);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Rows of a query run as the superuser (row-level security bypassed), each column as text. */
	static List<List<String>> superuserRows(String sql, Object... parameters) throws SQLException {
		try (Connection connection = TestServices.shared().superuserConnection();
				PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int index = 0; index < parameters.length; index++) {
				statement.setObject(index + 1, parameters[index]);
			}
			try (ResultSet rows = statement.executeQuery()) {
				List<List<String>> result = new ArrayList<>();
				int columns = rows.getMetaData().getColumnCount();
				while (rows.next()) {
					List<String> row = new ArrayList<>();
					for (int column = 1; column <= columns; column++) {
						row.add(rows.getString(column));
					}
					result.add(row);
				}
				return result;
			}
		}
	}

	static String text(byte[] body) {
		return new String(body, StandardCharsets.UTF_8);
	}

}
