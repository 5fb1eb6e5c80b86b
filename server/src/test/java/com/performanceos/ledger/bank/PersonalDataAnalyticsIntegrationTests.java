package com.performanceos.ledger.bank;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

import com.performanceos.platform.security.Role;
import com.performanceos.testsupport.ClickHouseTestServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Personal data that enters through the journal and the bank feed stays in PostgreSQL: after the
 * analytics store (ClickHouse here) has caught up with the tenant's facts, no table of it holds
 * the raw email address or IBAN.
 */
class PersonalDataAnalyticsIntegrationTests extends BankTestSupport {

	private static final String EMAIL = "jeanne.martin@example.fr";

	private static final String IBAN = "FR7630006000011234567890189";

	@Test
	void noRawEmailOrIbanReachesTheAnalyticsStore() throws Exception {
		String tenant = newTenant("pii");
		GraphQlTester finance = graphQl(tenant, Role.FINANCE, Role.ANALYST);
		String bank = ledgerAccount(finance, "512000", "ASSET", "EUR");
		String sales = ledgerAccount(finance, "706000", "REVENUE", "EUR");
		finance.documentName("postJournalEntry").variable("input", Map.of("idempotencyKey", "pii", "effectiveDate", "2026-04-02",
				"description", "Refund to " + EMAIL, "reference", IBAN, "lines", List.of(
						Map.of("accountId", bank, "side", "DEBIT", "amount", "42.00", "currency", "EUR", "memo", "IBAN " + IBAN),
						Map.of("accountId", sales, "side", "CREDIT", "amount", "42.00", "currency", "EUR", "memo", EMAIL))))
			.execute().path("postJournalEntry.userErrors").entityList(Object.class).hasSize(0);
		String external = "acct-" + tenant;
		bankAccount(finance, bankAccountInput("b", "Compte", "LCL", "FR-LYON", "EUR", IBAN, bank, "100.00", "2026-04-01", external));
		deliverSigned(batch(external, List.of(transaction("t-pii", "2026-04-03", "-15.00", "EUR", EMAIL, "Virement " + IBAN + " " + EMAIL))))
			.expectStatus().isOk();

		awaitAnalytics(tenant, "journal_lines", 2);
		String everything = dumpAllTables();
		assertThat(everything).contains(tenant);
		assertThat(everything).doesNotContain(EMAIL).doesNotContain(IBAN).doesNotContain("30006000011234567890189");
	}

	private static void awaitAnalytics(String tenant, String table, int rows) throws Exception {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		while (true) {
			String count = clickHouse("SELECT count() FROM " + table + " FINAL WHERE tenant_id = '" + tenant + "' FORMAT TabSeparated").strip();
			if (Integer.parseInt(count) >= rows || Instant.now().isAfter(deadline)) {
				assertThat(Integer.parseInt(count)).as(table + " rows of the tenant").isGreaterThanOrEqualTo(rows);
				return;
			}
			Thread.sleep(200);
		}
	}

	private static String dumpAllTables() throws Exception {
		StringBuilder dump = new StringBuilder();
		for (String table : clickHouse("SHOW TABLES FORMAT TabSeparated").strip().split("\n")) {
			dump.append(clickHouse("SELECT * FROM " + table + " FORMAT TabSeparated"));
		}
		return dump.toString();
	}

	private static String clickHouse(String sql) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(ClickHouseTestServer.shared().httpUrl()
				+ "/?query=" + URLEncoder.encode(sql, StandardCharsets.UTF_8))).GET().build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(sql).isEqualTo(200);
		return response.body();
	}

}
