package com.performanceos.ledger.imports;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import com.performanceos.platform.security.Role;

import static org.assertj.core.api.Assertions.assertThat;

class ImportJournalLinesIntegrationTests extends ImportIntegrationSupport {

	private static final Map<String, String> MAPPING = Map.of("Piece", "ENTRY_REFERENCE", "Date", "EFFECTIVE_DATE", "Compte",
			"ACCOUNT_CODE", "Debit", "DEBIT", "Credit", "CREDIT", "Devise", "CURRENCY", "Libelle", "MEMO");

	private static final Map<String, Object> OPTIONS = Map.of("delimiter", ";", "decimalSeparator", "COMMA", "dateFormat", "dd/MM/yyyy");

	private static final int ROWS = 10_000;

	private static final int BAD_ROW = 7_321;

	@Test
	void aBadRowFailsTheWholeFileThenTheCorrectedFileIsAppliedOnceAndItsReplayIsADuplicate() {
		String tenant = newTenant("import-journal");
		var finance = tester(tenant, Role.FINANCE);
		account(finance, "411000", "ASSET");
		account(finance, "706000", "REVENUE");

		Started broken = start(finance, "broken", "JOURNAL_LINES", "ventes-mars.csv", MAPPING, ROWS, debitSum(ROWS), OPTIONS);
		upload(tenant, Role.FINANCE, broken.uploadUrl(), journalFile(ROWS, BAD_ROW)).expectStatus().isAccepted();
		Map<String, Object> failed = awaitFinished(finance, broken.id());
		assertThat(failed).containsEntry("status", "FAILED").containsEntry("recordCount", 0);
		assertThat(problems(failed)).singleElement().satisfies(problem -> {
			assertThat(problem).containsEntry("row", BAD_ROW).containsEntry("column", "Date").containsEntry("code", "INVALID_DATE")
				.containsEntry("severity", "ERROR");
		});
		assertThat(journalEntryCount(finance)).isZero();

		Started corrected = start(finance, "corrected", "JOURNAL_LINES", "ventes-mars-v2.csv", MAPPING, ROWS, debitSum(ROWS), OPTIONS);
		upload(tenant, Role.FINANCE, corrected.uploadUrl(), journalFile(ROWS, -1)).expectStatus().isAccepted();
		Map<String, Object> applied = awaitFinished(finance, corrected.id());
		assertThat(applied).containsEntry("status", "SUCCEEDED").containsEntry("rowCount", ROWS).containsEntry("recordCount", ROWS / 2);
		assertThat(applied.get("sha256")).asString().hasSize(64);
		assertThat(journalEntryCount(finance)).isEqualTo(ROWS / 2);

		Started replay = start(finance, "replay", "JOURNAL_LINES", "ventes-mars-v2 (1).csv", MAPPING, ROWS, debitSum(ROWS), OPTIONS);
		var answer = upload(tenant, Role.FINANCE, replay.uploadUrl(), journalFile(ROWS, -1)).expectStatus().isOk()
			.expectBody(IMPORT_TYPE).returnResult().getResponseBody();
		assertThat(answer).containsEntry("status", "DUPLICATE_FILE").containsEntry("duplicateOf", corrected.id());
		Map<String, Object> duplicate = finance.documentName("importNode").variable("id", replay.id()).execute().path("node").entity(IMPORT_TYPE).get();
		assertThat(duplicate).containsEntry("status", "DUPLICATE_FILE").containsEntry("duplicateOf", Map.of("id", corrected.id()));
		assertThat(journalEntryCount(finance)).isEqualTo(ROWS / 2);
	}

	@Test
	void controlTotalMismatchIsRefusedWithExpectedAndActualAndNothingApplied() {
		String tenant = newTenant("import-control");
		var finance = tester(tenant, Role.FINANCE);
		account(finance, "411000", "ASSET");
		account(finance, "706000", "REVENUE");
		Started started = start(finance, "control", "JOURNAL_LINES", "ventes.csv", MAPPING, 4, "999,00".replace(',', '.'), OPTIONS);
		upload(tenant, Role.FINANCE, started.uploadUrl(), journalFile(4, -1)).expectStatus().isAccepted();
		Map<String, Object> failed = awaitFinished(finance, started.id());
		assertThat(failed).containsEntry("status", "FAILED");
		assertThat(problems(failed)).singleElement().satisfies(problem -> assertThat(problem)
			.containsEntry("code", "CONTROL_TOTAL_MISMATCH").containsEntry("expected", "999").containsEntry("actual", debitSum(4)));
		assertThat(journalEntryCount(finance)).isZero();
	}

	@Test
	void personalDataInMemosIsReportedWithoutEchoingIt() {
		String tenant = newTenant("import-pii");
		var finance = tester(tenant, Role.FINANCE);
		account(finance, "411000", "ASSET");
		account(finance, "706000", "REVENUE");
		String file = """
				Piece;Date;Compte;Debit;Credit;Devise;Libelle
				F-1;02/03/2026;411000;120,00;;EUR;Relance jean.dupont@example.fr
				F-1;02/03/2026;706000;;120,00;EUR;Virement FR76 3000 6000 0112 3456 7890 189
				""";
		Started started = start(finance, "pii", "JOURNAL_LINES", "pii.csv", MAPPING, 2, "120", OPTIONS);
		upload(tenant, Role.FINANCE, started.uploadUrl(), file).expectStatus().isAccepted();
		Map<String, Object> applied = awaitFinished(finance, started.id());
		assertThat(applied).containsEntry("status", "SUCCEEDED");
		List<Map<String, Object>> problems = problems(applied);
		assertThat(problems).extracting(problem -> problem.get("row"), problem -> problem.get("column"), problem -> problem.get("code"),
				problem -> problem.get("severity"))
			.containsExactly(org.assertj.core.groups.Tuple.tuple(1, "Libelle", "PERSONAL_DATA_DETECTED", "WARNING"),
					org.assertj.core.groups.Tuple.tuple(2, "Libelle", "PERSONAL_DATA_DETECTED", "WARNING"));
		assertThat(problems.toString()).doesNotContain("jean.dupont", "example.fr", "FR76", "3000 6000");
		assertThat(journalEntryCount(finance)).isEqualTo(1);
	}

	@Test
	void anotherTenantsUploadIsNotFoundAndAnOversizedOneIsRefused() throws Exception {
		String tenant = newTenant("import-owner");
		var finance = tester(tenant, Role.FINANCE);
		Started started = start(finance, "owner", "JOURNAL_LINES", "a.csv", MAPPING, 2, "1", OPTIONS);

		upload(newTenant("import-intruder"), Role.FINANCE, started.uploadUrl(), "Piece\n").expectStatus().isNotFound();

		// The declared length alone exceeds the 200 MB limit: refused before a byte of the body is read.
		try (Socket socket = new Socket("127.0.0.1", port)) {
			OutputStream out = socket.getOutputStream();
			out.write(("PUT " + started.uploadUrl() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
					+ tokens.token(tenant, Role.FINANCE) + "\r\nContent-Type: text/csv\r\nContent-Length: 300000000\r\n\r\nPiece;Date\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
			assertThat(statusLine).contains(" " + HttpStatus.CONTENT_TOO_LARGE.value() + " ");
		}
		Map<String, Object> waiting = finance.documentName("importNode").variable("id", started.id()).execute().path("node").entity(IMPORT_TYPE).get();
		assertThat(waiting).containsEntry("status", "AWAITING_CONTENT");
	}

	/** Rows in pairs (debit 411000, credit 706000) per entry; {@code badRow} gets an impossible date. */
	static String journalFile(int rows, int badRow) {
		StringBuilder csv = new StringBuilder("Piece;Date;Compte;Debit;Credit;Devise;Libelle\n");
		for (int row = 1; row <= rows; row++) {
			int entry = (row + 1) / 2;
			String date = row == badRow ? "30/02/2026" : String.format("%02d/03/2026", entry % 28 + 1);
			String amount = amount(entry).toPlainString().replace('.', ',');
			boolean debit = row % 2 == 1;
			csv.append("VT-").append(entry).append(';').append(date).append(';').append(debit ? "411000" : "706000").append(';')
				.append(debit ? amount : "").append(';').append(debit ? "" : amount).append(";EUR;Facture ").append(entry).append('\n');
		}
		return csv.toString();
	}

	static String debitSum(int rows) {
		BigDecimal sum = BigDecimal.ZERO;
		for (int entry = 1; entry <= rows / 2; entry++) {
			sum = sum.add(amount(entry));
		}
		return sum.stripTrailingZeros().toPlainString();
	}

	private static BigDecimal amount(int entry) {
		return new BigDecimal(entry % 97 + 1).add(new BigDecimal("0.50"));
	}

}
