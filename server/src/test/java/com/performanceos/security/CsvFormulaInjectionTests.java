package com.performanceos.security;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.performanceos.platform.documents.CsvRowWriter;
import com.performanceos.platform.security.Role;
import com.performanceos.testsupport.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CSV exports neutralise cells a spreadsheet would run as formulas (OWASP: a leading single quote),
 * keep plain numbers as numbers, hash exactly the bytes sent, and leave the JSON export raw.
 */
class CsvFormulaInjectionTests extends IntegrationTest {

	@Test
	void prefixesFormulaLeadingCellsAndLeavesNumbersAndTextAlone() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		CsvRowWriter<String[]> writer = new CsvRowWriter<>(out, new String[] { "a", "b", "c", "d", "e", "f", "g", "h", "i" }, row -> row);
		writer.write(new String[] { "=HYPERLINK(\"http://x\",\"y\")", "@SUM(A1:A2)", "+1+1", "-2+3", "\tTAB", "\rCR", "-120.50", "+7", "plain" });
		writer.finish();
		String row = out.toString(StandardCharsets.UTF_8).split("\r\n")[1];
		assertThat(row).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",'@SUM(A1:A2),'+1+1,'-2+3,'\tTAB,\"'\rCR\",-120.50,+7,plain");
	}

	@Test
	void journalCsvExportNeutralisesWhatTheJsonExportKeepsRaw() {
		String tenant = newTenant("csv-journal");
		String token = tokens.token(tenant, Role.ADMIN);
		String bank = account(token, "512000", "=HYPERLINK(\"http://evil\")");
		String sales = account(token, "706000", "Sales");
		var posted = Probe.graphQl(web, token, """
				mutation($input: PostJournalEntryInput!) { postJournalEntry(input: $input) { userErrors { code message } } }""",
				Map.of("input", Map.of("idempotencyKey", "e-1", "description", "@SUM(1+1)", "effectiveDate", "2026-03-31", "lines",
						List.of(Map.of("accountId", bank, "side", "DEBIT", "amount", "10.00", "currency", "EUR", "memo", "+1+1"),
								Map.of("accountId", sales, "side", "CREDIT", "amount", "10.00", "currency", "EUR", "memo", "-1-1")))));
		assertThat(posted.json().at("/data/postJournalEntry/userErrors").isEmpty()).as(posted.text()).isTrue();

		var csv = Probe.get(web, token, "/exports/journal-entries.csv?from=2026-03-01&to=2026-03-31");
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.text()).contains("'@SUM(1+1)", "\"'=HYPERLINK(\"\"http://evil\"\")\"", "'+1+1", "'-1-1")
			.doesNotContain(",@SUM", ",+1+1", ",-1-1");

		var json = Probe.get(web, token, "/exports/journal-entries.json?from=2026-03-01&to=2026-03-31");
		assertThat(json.json().path(0).path("description").asString()).isEqualTo("@SUM(1+1)");
		assertThat(json.json().findValuesAsString("accountName")).contains("=HYPERLINK(\"http://evil\")");
	}

	@Test
	void auditCsvExportNeutralisesAFormulaActorAndHashesTheBytesSent() throws Exception {
		String tenant = newTenant("csv-audit");
		String formulaActor = tokens.token("=cmd|' /C calc'!A0", tenant, Role.ADMIN);
		account(formulaActor, "401000", "Suppliers");
		var response = web.get()
			.uri("/exports/audit-log.csv")
			.header("Authorization", "Bearer " + tokens.token(tenant, Role.AUDITOR))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult();
		byte[] body = response.getResponseBody();
		String text = new String(body, StandardCharsets.UTF_8);
		assertThat(text).contains(",'=cmd|' /C calc'!A0,").doesNotContain(",=cmd");
		String sent = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
		assertThat(response.getResponseHeaders().getFirst("X-Content-SHA256")).isEqualTo(sent);
	}

	private String account(String token, String code, String name) {
		var answer = Probe.graphQl(web, token, """
				mutation($input: CreateAccountInput!) { createAccount(input: $input) { account { id } userErrors { code } } }""",
				Map.of("input", Map.of("idempotencyKey", "k-" + code, "code", code, "name", name, "currency", "EUR", "type",
						code.startsWith("7") ? "REVENUE" : "ASSET")));
		String id = answer.json().at("/data/createAccount/account/id").asString("");
		assertThat(id).as(answer.text()).isNotEmpty();
		return id;
	}

}
