package com.performanceos.ledger.exports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.performanceos.platform.security.Role;
import com.performanceos.testsupport.IntegrationTest;
import com.performanceos.testsupport.TestServices;

import static org.assertj.core.api.Assertions.assertThat;

class JournalExportIntegrationTests extends IntegrationTest {

	@Test
	void csvAndJsonExportsTraceEveryLineAndTheirDigestsAreAudited() throws Exception {
		String tenant = newTenant("export");
		GraphQlTester finance = graphQl(tenant, Role.FINANCE);
		String bank = account(finance, "512000", "ASSET", "Banque, compte \"courant\"");
		String sales = account(finance, "706000", "REVENUE", "Prestations");
		String first = post(finance, "e1", "2026-03-02", bank, sales, "1500.00", "INV-001");
		post(finance, "e2", "2026-03-09", bank, sales, "80.10", "INV-002");
		finance.documentName("reverseJournalEntry").variable("input", Map.of("idempotencyKey", "r", "entryId", first,
				"effectiveDate", "2026-03-20", "reason", "Cancelled")).execute()
			.path("reverseJournalEntry.userErrors").entityList(Object.class).hasSize(0);

		EntityExchangeResult<byte[]> csv = download(tokens.token(tenant, Role.AUDITOR), "csv", "?from=2026-03-01&to=2026-03-31", 200);
		String digest = csv.getResponseHeaders().getFirst("X-Content-SHA256");
		assertThat(digest).isEqualTo(sha256(csv.getResponseBody()));
		String[] rows = new String(csv.getResponseBody(), StandardCharsets.UTF_8).split("\r\n");
		assertThat(rows).hasSize(7);
		assertThat(rows[0]).startsWith("entryId,postingSequence,reference,description,effectiveDate,postedAt,lineNumber,accountCode");
		assertThat(rows[1]).startsWith(first + ",").contains(",INV-001,").contains(",512000,\"Banque, compte \"\"courant\"\"\",DEBIT,1500.000000,EUR");
		assertThat(rows[5]).contains("Reversal: Cancelled").contains(",CREDIT,1500.000000,EUR,").contains("," + first + ",");
		assertThat(auditedDigests(tenant)).contains(digest);

		EntityExchangeResult<byte[]> json = download(tokens.token(tenant, Role.ANALYST), "json", "?from=2026-03-05&to=2026-03-31", 200);
		JsonNode lines = new JsonMapper().readTree(json.getResponseBody());
		assertThat(lines.size()).isEqualTo(4);
		assertThat(lines.get(0).get("amount").asString()).isEqualTo("80.100000");
		assertThat(lines.get(0).get("postingSequence").isIntegralNumber()).isTrue();
		assertThat(auditedDigests(tenant)).contains(json.getResponseHeaders().getFirst("X-Content-SHA256"));
	}

	@Test
	void exportNeedsAnAllowedRoleATokenAndValidDates() {
		String tenant = newTenant("export-refused");
		download(tokens.token(tenant, Role.REP), "csv", "", 403);
		download(tokens.token(tenant, Role.FINANCE), "csv", "?from=March", 400);
		web.get().uri("/exports/journal-entries.csv").exchange().expectStatus().isUnauthorized();
	}

	private EntityExchangeResult<byte[]> download(String token, String format, String query, int status) {
		return web.get().uri("/exports/journal-entries." + format + query).header("Authorization", "Bearer " + token)
			.exchange().expectStatus().isEqualTo(status).expectBody().returnResult();
	}

	private static List<String> auditedDigests(String tenant) throws Exception {
		try (Connection connection = TestServices.shared().superuserConnection();
				PreparedStatement sql = connection.prepareStatement("SELECT after_image->>'sha256' FROM audit_log WHERE tenant_id = ? "
						+ "AND action = 'ledger.journal.exported'")) {
			sql.setString(1, tenant);
			try (ResultSet rows = sql.executeQuery()) {
				List<String> digests = new java.util.ArrayList<>();
				while (rows.next()) {
					digests.add(rows.getString(1));
				}
				return digests;
			}
		}
	}

	private static String sha256(byte[] bytes) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}

	private static String account(GraphQlTester tester, String code, String type, String name) {
		return tester.documentName("createAccount")
			.variable("input", Map.of("idempotencyKey", "acc-" + code, "code", code, "name", name, "type", type, "currency", "EUR"))
			.execute().path("createAccount.account.id").entity(String.class).get();
	}

	private static String post(GraphQlTester tester, String key, String date, String debit, String credit, String amount, String reference) {
		return tester.documentName("postJournalEntry")
			.variable("input", Map.of("idempotencyKey", key, "effectiveDate", date, "description", "Sale " + reference, "reference", reference,
					"lines", List.of(Map.of("accountId", debit, "side", "DEBIT", "amount", amount, "currency", "EUR"),
							Map.of("accountId", credit, "side", "CREDIT", "amount", amount, "currency", "EUR"))))
			.execute().path("postJournalEntry.entry.id").entity(String.class).get();
	}

}
