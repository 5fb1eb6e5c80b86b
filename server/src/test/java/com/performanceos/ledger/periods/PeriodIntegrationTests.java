package com.performanceos.ledger.periods;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Closing a month against a hand-computed certificate:
 * <pre>
 *   E1  2026-01-15  512000 D 1000.00  / 706000 C 1000.00
 *   E2  2026-02-10  411000 D  240.50  / 706000 C  240.50
 *   E3  2026-02-20  512000 D  240.50  / 411000 C  240.50
 *   E4  2026-03-05  512000 D   99.00  / 706000 C   99.00   (after February: not in its certificate)
 *
 *   certificate of 2026-02:  411000  D 240.50  C 240.50   net 0.00      2 lines
 *                            512000  D 1240.50 C 0.00     net 1240.50   2 lines
 *                            706000  D 0.00    C 1240.50  net -1240.50  2 lines
 * </pre>
 */
class PeriodIntegrationTests extends IntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void closingCertifiesHandComputedBalancesWhoseDigestMatchesTheDownloadedBytes() throws Exception {
		String tenant = newTenant("close");
		Books books = new Books(graphQl(tenant, Role.FINANCE));
		books.post("e1", "2026-01-15", books.bank, books.sales, "1000.00");
		books.post("e2", "2026-02-10", books.customers, books.sales, "240.50");
		books.post("e3", "2026-02-20", books.bank, books.customers, "240.50");
		books.post("e4", "2026-03-05", books.bank, books.sales, "99.00");

		var closed = books.close("close-feb", "2026-02");
		closed.path("closePeriod.userErrors").entityList(Object.class).hasSize(0)
			.path("closePeriod.period.status").entity(String.class).isEqualTo("CLOSED")
			.path("closePeriod.certificate.version").entity(Integer.class).isEqualTo(1)
			.path("closePeriod.certificate.downloadUrl").entity(String.class).isEqualTo("/exports/close-certificates/2026-02?version=1");
		String content = closed.path("closePeriod.certificate.content").entity(String.class).get();
		String sha256 = closed.path("closePeriod.certificate.sha256").entity(String.class).get();
		JsonNode certificate = JSON.readTree(content);
		assertThat(certificate.get("format").asString()).isEqualTo("performanceos.close-certificate/1");
		assertThat(certificate.get("month").asString()).isEqualTo("2026-02");
		assertThat(certificate.get("effectiveTo").asString()).isEqualTo("2026-02-28");
		assertThat(certificate.get("tenant").asString()).isEqualTo(tenant);
		JsonNode accounts = certificate.get("accounts");
		assertThat(accounts.size()).isEqualTo(3);
		assertBalance(accounts.get(0), "411000", "240.50", "240.50", "0.00", 2);
		assertBalance(accounts.get(1), "512000", "1240.50", "0.00", "1240.50", 2);
		assertBalance(accounts.get(2), "706000", "0.00", "1240.50", "-1240.50", 2);

		EntityExchangeResult<byte[]> download = download(tenant, Role.FINANCE, "2026-02");
		assertThat(sha256(download.getResponseBody())).isEqualTo(sha256)
			.isEqualTo(download.getResponseHeaders().getFirst("X-Content-SHA256"));
		assertThat(new String(download.getResponseBody(), StandardCharsets.UTF_8)).isEqualTo(content);

		books.post("late", "2026-02-27", books.bank, books.sales, "5.00")
			.path("postJournalEntry.userErrors[0].code").entity(String.class).isEqualTo("PERIOD_CLOSED");
		books.close("close-feb-again", "2026-02")
			.path("closePeriod.userErrors[0].code").entity(String.class).isEqualTo("PERIOD_ALREADY_CLOSED");
		books.close("close-feb", "2026-02").path("closePeriod.certificate.sha256").entity(String.class).isEqualTo(sha256);
		books.tester.documentName("corePeriods").variable("year", 2026).execute()
			.path("periods[*].status").entityList(String.class)
			.containsExactly("OPEN", "CLOSED", "OPEN", "OPEN", "OPEN", "OPEN", "OPEN", "OPEN", "OPEN", "OPEN", "OPEN", "OPEN")
			.path("periods[1].month").entity(String.class).isEqualTo("2026-02")
			.path("periods[1].latestCertificate.sha256").entity(String.class).isEqualTo(sha256);
	}

	@Test
	void onlyAnAdminWithAJustificationReopensAndARecloseAddsVersionTwoKeepingTheFirst() throws Exception {
		String tenant = newTenant("reopen");
		Books books = new Books(graphQl(tenant, Role.FINANCE));
		GraphQlTester admin = graphQl(tenant, Role.ADMIN);
		books.post("e1", "2026-05-04", books.bank, books.sales, "300.00");
		String firstDigest = books.close("close-may", "2026-05").path("closePeriod.certificate.sha256").entity(String.class).get();

		reopen(books.tester, "2026-05", "Correction of a supplier invoice booked twice")
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "FORBIDDEN")));
		reopen(admin, "2026-05", "too short")
			.path("reopenPeriod.period").valueIsNull()
			.path("reopenPeriod.userErrors[0].code").entity(String.class).isEqualTo("INVALID_INPUT")
			.path("reopenPeriod.userErrors[0].field").entity(List.class).isEqualTo(List.of("input", "justification"));
		reopen(admin, "2026-05", "Correction of a supplier invoice booked twice")
			.path("reopenPeriod.userErrors").entityList(Object.class).hasSize(0)
			.path("reopenPeriod.period.status").entity(String.class).isEqualTo("OPEN")
			.path("reopenPeriod.period.latestCertificate.version").entity(Integer.class).isEqualTo(1);
		reopen(admin, "2026-05", "Correction of a supplier invoice booked twice")
			.path("reopenPeriod.userErrors[0].code").entity(String.class).isEqualTo("PERIOD_NOT_CLOSED");

		books.post("e2", "2026-05-20", books.bank, books.sales, "12.00")
			.path("postJournalEntry.userErrors").entityList(Object.class).hasSize(0);
		var reclosed = books.close("reclose-may", "2026-05");
		reclosed.path("closePeriod.certificate.version").entity(Integer.class).isEqualTo(2);
		String secondDigest = reclosed.path("closePeriod.certificate.sha256").entity(String.class).get();
		assertThat(secondDigest).isNotEqualTo(firstDigest);
		JsonNode second = JSON.readTree(reclosed.path("closePeriod.certificate.content").entity(String.class).get());
		assertBalance(second.get("accounts").get(0), "512000", "312.00", "0.00", "312.00", 2);

		EntityExchangeResult<byte[]> first = download(tenant, Role.AUDITOR, "2026-05?version=1");
		assertThat(sha256(first.getResponseBody())).isEqualTo(firstDigest).isEqualTo(first.getResponseHeaders().getFirst("X-Content-SHA256"));
		assertThat(sha256(download(tenant, Role.ADMIN, "2026-05").getResponseBody())).isEqualTo(secondDigest);
		books.tester.documentName("coreCloseCertificate").variable("month", "2026-05").variable("version", 1).execute()
			.path("closeCertificate.sha256").entity(String.class).isEqualTo(firstDigest);
		web.get().uri("/exports/close-certificates/2026-05").header("Authorization", "Bearer " + tokens.token(tenant, Role.ANALYST))
			.exchange().expectStatus().isForbidden();
		web.get().uri("/exports/close-certificates/2026-06").header("Authorization", "Bearer " + tokens.token(tenant, Role.ADMIN))
			.exchange().expectStatus().isNotFound();

		List<Map<String, Object>> audit = admin.documentName("coreAuditActions").execute().path("auditLog.nodes").entity(List.class).get();
		assertThat(audit).extracting(node -> node.get("action"))
			.containsSubsequence("ledger.period.closed", "ledger.period.reopened", "ledger.period.closed");
		assertThat(audit).filteredOn(node -> "ledger.period.reopened".equals(node.get("action"))).singleElement()
			.satisfies(node -> assertThat(String.valueOf(node.get("after"))).contains("Correction of a supplier invoice booked twice"));
		assertThat(audit).filteredOn(node -> "ledger.period.closed".equals(node.get("action")))
			.extracting(node -> String.valueOf(node.get("after")))
			.anySatisfy(after -> assertThat(after).contains(firstDigest))
			.anySatisfy(after -> assertThat(after).contains(secondDigest));
	}

	private EntityExchangeResult<byte[]> download(String tenant, Role role, String monthAndQuery) {
		return web.get().uri("/exports/close-certificates/" + monthAndQuery)
			.header("Authorization", "Bearer " + tokens.token(tenant, role))
			.exchange()
			.expectStatus().isOk()
			.expectBody(byte[].class)
			.returnResult();
	}

	private static GraphQlTester.Response reopen(GraphQlTester tester, String month, String justification) {
		return tester.documentName("coreReopenPeriod").variable("input", Map.of("month", month, "justification", justification)).execute();
	}

	private static void assertBalance(JsonNode account, String code, String debit, String credit, String net, int lines) {
		assertThat(account.get("code").asString()).isEqualTo(code);
		assertThat(account.get("currency").asString()).isEqualTo("EUR");
		assertThat(account.get("debitTotal").asString()).isEqualTo(debit);
		assertThat(account.get("creditTotal").asString()).isEqualTo(credit);
		assertThat(account.get("net").asString()).isEqualTo(net);
		assertThat(new BigDecimal(account.get("net").asString()))
			.isEqualByComparingTo(new BigDecimal(debit).subtract(new BigDecimal(credit)));
		assertThat(account.get("lineCount").asInt()).isEqualTo(lines);
	}

	private static String sha256(byte[] bytes) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}

	/** A tenant with customers (411000), bank (512000) and sales (706000) accounts. */
	private static final class Books {

		final GraphQlTester tester;

		final String customers;

		final String bank;

		final String sales;

		Books(GraphQlTester tester) {
			this.tester = tester;
			this.customers = account("411000", "ASSET");
			this.bank = account("512000", "ASSET");
			this.sales = account("706000", "REVENUE");
		}

		GraphQlTester.Response post(String key, String date, String debit, String credit, String amount) {
			return tester.documentName("postJournalEntry")
				.variable("input", Map.of("idempotencyKey", key, "effectiveDate", date, "description", "Fixture " + key, "lines",
						List.of(Map.of("accountId", debit, "side", "DEBIT", "amount", amount, "currency", "EUR"),
								Map.of("accountId", credit, "side", "CREDIT", "amount", amount, "currency", "EUR"))))
				.execute();
		}

		GraphQlTester.Response close(String key, String month) {
			return tester.documentName("coreClosePeriod").variable("input", Map.of("idempotencyKey", key, "month", month)).execute();
		}

		private String account(String code, String type) {
			return tester.documentName("createAccount")
				.variable("input", Map.of("idempotencyKey", "acc-" + code, "code", code, "name", "Compte " + code, "type", type,
						"currency", "EUR"))
				.execute().path("createAccount.account.id").entity(String.class).get();
		}

	}

}
