package com.performanceos.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.http.MediaType;

import com.performanceos.ledger.bank.BankFixtures;
import com.performanceos.platform.security.Role;
import com.performanceos.testsupport.IntegrationTest;
import com.performanceos.testsupport.TestServices;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14, point 6: a bank aggregator account id is the registering tenant's own. Another tenant registering the
 * same id (first or second) neither learns that it exists elsewhere nor receives its deliveries: the aggregator names
 * the tenant in the webhook's path, and routing goes by (tenant, id).
 */
class AggregatorAccountTenancyTests extends IntegrationTest {

	@Autowired
	ApplicationContext context;

	private BankFixtures bank;

	@BeforeEach
	void fixtures() {
		web = web.mutate().responseTimeout(java.time.Duration.ofSeconds(30)).build();
		bank = new BankFixtures(web, context);
	}

	@Test
	void aTenantCannotDetectThatAnotherRegisteredAnAggregatorAccountId() {
		String owner = newTenant("agg-owner");
		String prober = newTenant("agg-prober");
		String accountId = "agg-" + UUID.randomUUID();
		createBankAccount(graphQl(owner, Role.FINANCE), "owner-1", "30003000011234567890101", accountId)
			.path("createBankAccount.userErrors").entityList(Object.class).hasSize(0);
		// The prober gets exactly what it would get for an id nobody uses.
		GraphQlTester prober1 = graphQl(prober, Role.FINANCE);
		createBankAccount(prober1, "prober-1", "30003000011234567890102", accountId)
			.path("createBankAccount.userErrors").entityList(Object.class).hasSize(0)
			.path("createBankAccount.bankAccount.externalId").entity(String.class).isEqualTo(accountId);
		createBankAccount(prober1, "prober-2", "30003000011234567890103", "agg-nobody-" + UUID.randomUUID())
			.path("createBankAccount.userErrors").entityList(Object.class).hasSize(0);
		// Within its own tenant an id still connects one bank account only.
		createBankAccount(prober1, "prober-3", "30003000011234567890104", accountId)
			.path("createBankAccount.userErrors[0].code").entity(String.class).isEqualTo("EXTERNAL_ID_TAKEN");
	}

	@Test
	void aTenantThatRegistersAnotherTenantsIdFirstReceivesNoneOfItsTransactions() throws Exception {
		String squatter = newTenant("agg-squatter");
		String owner = newTenant("agg-rightful");
		String accountId = "agg-" + UUID.randomUUID();
		createBankAccount(graphQl(squatter, Role.FINANCE), "squat", "30003000011234567890201", accountId)
			.path("createBankAccount.userErrors").entityList(Object.class).hasSize(0);
		createBankAccount(graphQl(owner, Role.FINANCE), "own", "30003000011234567890202", accountId)
			.path("createBankAccount.userErrors").entityList(Object.class).hasSize(0);

		// The aggregator delivers the owner's transactions to the owner's webhook URL.
		bank.deliverTo(owner, accountId, "tx-1", "2026-05-04", "1250.40").expectStatus().isOk()
			.expectBody().jsonPath("$.stored").isEqualTo(1);
		assertThat(transactions(owner)).isEqualTo(1);
		assertThat(transactions(squatter)).isZero();
		// A delivery for a tenant that never registered the id goes nowhere, as for an unknown id.
		bank.deliverTo(newTenant("agg-stranger"), accountId, "tx-2", "2026-05-05", "10").expectStatus().isNotFound();
		// The former tenant-less URL routes nothing: it cannot be used to reach whichever tenant registered first.
		byte[] body = ("{\"accountId\":\"" + accountId + "\",\"transactions\":[]}").getBytes();
		String timestamp = String.valueOf(Instant.now().getEpochSecond());
		web.post().uri("/webhooks/bank-aggregator").contentType(MediaType.APPLICATION_JSON)
			.header("X-Timestamp", timestamp).bodyValue(body).exchange()
			.expectStatus().value(status -> assertThat(status).isIn(401, 404, 405));
		assertThat(transactions(owner)).isEqualTo(1);
		assertThat(transactions(squatter)).isZero();
	}

	private GraphQlTester.Response createBankAccount(GraphQlTester finance, String key, String bban, String accountId) {
		String ledgerAccount = finance.documentName("createAccount")
			.variable("input", Map.of("idempotencyKey", "acc-" + key, "code", "512" + Math.abs(key.hashCode() % 1000),
					"name", "Banque " + key, "type", "ASSET", "currency", "EUR"))
			.execute()
			.path("createAccount.account.id").entity(String.class).get();
		Map<String, Object> input = new LinkedHashMap<>();
		input.put("idempotencyKey", key);
		input.put("name", "Compte " + key);
		input.put("bankName", "Banque");
		input.put("entity", "FR-PARIS");
		input.put("currency", "EUR");
		input.put("iban", BankFixtures.iban(bban));
		input.put("ledgerAccountId", ledgerAccount);
		input.put("openingBalance", "0");
		input.put("openingDate", "2026-01-01");
		input.put("externalId", accountId);
		return finance.documentName("bankCreateBankAccount").variable("input", input).execute();
	}

	private static long transactions(String tenant) throws SQLException {
		try (Connection connection = TestServices.shared().superuserConnection();
				PreparedStatement select = connection.prepareStatement(
						"SELECT count(*) FROM ledger_bank_transaction WHERE tenant_id = ?")) {
			select.setString(1, tenant);
			try (ResultSet rows = select.executeQuery()) {
				rows.next();
				return rows.getLong(1);
			}
		}
	}

}
