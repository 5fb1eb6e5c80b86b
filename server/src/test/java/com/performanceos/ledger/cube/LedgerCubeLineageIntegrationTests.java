package com.performanceos.ledger.cube;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.http.MediaType;

import com.performanceos.ledger.imports.ImportLineage;
import com.performanceos.platform.graphql.GlobalId;
import com.performanceos.platform.security.Role;
import com.performanceos.platform.security.Viewer;
import com.performanceos.testsupport.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Drill-down from a cube cell reaches the file rows behind each line: an imported CSV's lines name
 * their import, the SHA-256 of the uploaded bytes and their data row; a line posted by hand has no
 * source; another tenant sees none of it.
 */
class LedgerCubeLineageIntegrationTests extends IntegrationTest {

	/** Two entries: VT-1 on data rows 1-2, VT-2 on rows 3-5. */
	private static final String FILE = """
			Piece,Date,Compte,Debit,Credit,Devise
			VT-1,2026-04-03,411000,100.00,,EUR
			VT-1,2026-04-03,706000,,100.00,EUR
			VT-2,2026-04-05,411000,50.25,,EUR
			VT-2,2026-04-05,706000,,30.25,EUR
			VT-2,2026-04-05,706000,,20.00,EUR
			""";

	/** Data row n of {@link #FILE} as (account code, amount): element n - 1. */
	private static final List<Map.Entry<String, BigDecimal>> ROWS = List.of(Map.entry("411000", new BigDecimal("100.00")),
			Map.entry("706000", new BigDecimal("100.00")), Map.entry("411000", new BigDecimal("50.25")),
			Map.entry("706000", new BigDecimal("30.25")), Map.entry("706000", new BigDecimal("20.00")));

	private static final Map<String, Object> CUBE = Map.of("measures", List.of("LINE_COUNT"), "dimensions", List.of("ACCOUNT"),
			"effectiveFrom", "2026-04-01", "effectiveTo", "2026-04-30");

	private static final ParameterizedTypeReference<Map<String, Object>> NODE = new ParameterizedTypeReference<>() {
	};

	@Autowired
	private ImportLineage lineage;

	@Test
	void importedLinesNameTheirImportFileDigestAndRowAndManualLinesHaveNoSource() throws Exception {
		String tenant = newTenant("lineage");
		GraphQlTester finance = graphQl(tenant, Role.FINANCE, Role.ANALYST);
		String importId = importedTenant(tenant, finance);

		List<Map<String, Object>> lines = finance.documentName("ledgerCubeLineageDrillDown").variable("input", CUBE).execute()
			.path("ledgerCube.rows[*].lines.nodes[*]").entityList(NODE).hasSize(7).get();

		String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(FILE.getBytes(StandardCharsets.UTF_8)));
		Map<Boolean, List<Map<String, Object>>> byOrigin = lines.stream()
			.collect(Collectors.partitioningBy(line -> "MANUAL-1".equals(entry(line).get("reference"))));
		assertThat(byOrigin.get(true)).hasSize(2).allSatisfy(line -> assertThat(line.get("source")).isNull());
		List<Map<String, Object>> imported = byOrigin.get(false);
		assertThat(imported).hasSize(5).allSatisfy(line -> {
			Map<String, Object> source = map(line.get("source"));
			assertThat(source).containsEntry("importId", importId).containsEntry("fileSha256", digest);
			assertThat(map(source.get("import"))).containsEntry("id", importId).containsEntry("sha256", digest)
				.containsEntry("fileName", "ventes-avril.csv");
			int row = (Integer) source.get("rowNumber");
			int entryFirstRow = "VT-1".equals(entry(line).get("reference")) ? 1 : 3;
			assertThat(row).isEqualTo(entryFirstRow + (Integer) line.get("lineNumber") - 1);
			assertThat(map(line.get("account")).get("code")).isEqualTo(ROWS.get(row - 1).getKey());
			assertThat(new BigDecimal((String) map(line.get("amount")).get("amount"))).isEqualByComparingTo(ROWS.get(row - 1).getValue());
		});
		assertThat(imported).extracting(line -> map(line.get("source")).get("rowNumber")).containsExactlyInAnyOrder(1, 2, 3, 4, 5);
	}

	@Test
	void anAnalystSeesTheImportIdButNotTheImportAndAnotherTenantSeesNothing() throws Exception {
		String tenant = newTenant("lineage-roles");
		GraphQlTester finance = graphQl(tenant, Role.FINANCE, Role.ANALYST);
		String importId = importedTenant(tenant, finance);
		Set<UUID> entryKeys = finance.documentName("ledgerCubeLineageDrillDown").variable("input", CUBE).execute()
			.path("ledgerCube.rows[*].lines.nodes[*].entry.id").entityList(String.class).get().stream()
			.map(id -> GlobalId.decode(id, "JournalEntry").orElseThrow())
			.collect(Collectors.toSet());
		assertThat(entryKeys).hasSize(3);

		graphQl(tenant, Role.ANALYST).documentName("ledgerCubeLineageAnalyst").variable("input", CUBE).execute()
			.path("ledgerCube.rows[*].lines.nodes[*].source.importId").entityList(String.class)
			.satisfies(ids -> assertThat(ids).hasSize(5).containsOnly(importId));
		graphQl(tenant, Role.ANALYST).documentName("ledgerCubeLineageDrillDown").variable("input", CUBE).execute()
			.errors().satisfy(errors -> assertThat(errors).isNotEmpty().allSatisfy(error -> {
				assertThat(error.getExtensions()).containsEntry("code", "FORBIDDEN");
				assertThat(error.getPath()).endsWith(".source.import");
			}));

		String intruder = newTenant("lineage-intruder");
		graphQl(intruder, Role.FINANCE, Role.ANALYST).documentName("ledgerCubeLineageImport").variable("id", importId).execute()
			.path("node").valueIsNull();
		graphQl(intruder, Role.FINANCE, Role.ANALYST).documentName("ledgerCubeLineageDrillDown").variable("input", CUBE).execute()
			.path("ledgerCube.rows").entityList(Object.class).hasSize(0);
		assertThat(lineage.ofEntries(new Viewer("intruder", intruder, Set.of(Role.FINANCE)), entryKeys).block()).isEmpty();
		assertThat(lineage.ofEntries(new Viewer("owner", tenant, Set.of(Role.FINANCE)), entryKeys).block()).hasSize(2);
	}

	/**
	 * Creates the accounts, imports {@link #FILE} as a client does (start, upload, wait), posts one
	 * manual entry in the same month and waits until the cube counts all 7 lines; returns the import id.
	 */
	private String importedTenant(String tenant, GraphQlTester finance) {
		Map<String, String> accounts = Map.of("411000", account(finance, "411000", "ASSET"), "706000", account(finance, "706000", "REVENUE"));
		var started = finance.documentName("ledgerCubeLineageStartImport")
			.variable("input", Map.of("idempotencyKey", "lineage", "kind", "JOURNAL_LINES", "fileName", "ventes-avril.csv", "columnMapping",
					List.of(column("Piece", "ENTRY_REFERENCE"), column("Date", "EFFECTIVE_DATE"), column("Compte", "ACCOUNT_CODE"),
							column("Debit", "DEBIT"), column("Credit", "CREDIT"), column("Devise", "CURRENCY")),
					"controlTotals", Map.of("rowCount", ROWS.size(), "amountSum", "150.25")))
			.execute();
		started.path("startImport.userErrors").entityList(Object.class).hasSize(0);
		String importId = started.path("startImport.import.id").entity(String.class).get();
		web.put().uri(started.path("startImport.uploadUrl").entity(String.class).get())
			.header("Authorization", "Bearer " + tokens.token(tenant, Role.FINANCE))
			.contentType(MediaType.parseMediaType("text/csv"))
			.bodyValue(FILE.getBytes(StandardCharsets.UTF_8))
			.exchange()
			.expectStatus().isAccepted();
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> "SUCCEEDED".equals(finance
			.documentName("ledgerCubeLineageImport").variable("id", importId).execute().path("node.status").entity(String.class).get()));

		finance.documentName("postJournalEntry").variable("input", Map.of("idempotencyKey", "manual-1", "effectiveDate", "2026-04-10",
				"description", "Manual correction", "reference", "MANUAL-1", "lines", List.of(
						Map.of("accountId", accounts.get("411000"), "side", "DEBIT", "amount", "7.50", "currency", "EUR"),
						Map.of("accountId", accounts.get("706000"), "side", "CREDIT", "amount", "7.50", "currency", "EUR"))))
			.execute()
			.path("postJournalEntry.userErrors").entityList(Object.class).hasSize(0);
		LedgerCubeIntegrationTests.awaitCube(finance, Map.of("measures", List.of("LINE_COUNT"), "dimensions", List.of(),
				"effectiveFrom", "2026-04-01", "effectiveTo", "2026-04-30"), 7);
		return importId;
	}

	private static String account(GraphQlTester tester, String code, String type) {
		return tester.documentName("createAccount")
			.variable("input", Map.of("idempotencyKey", "acc-" + code, "code", code, "name", code, "type", type, "currency", "EUR"))
			.execute().path("createAccount.account.id").entity(String.class).get();
	}

	private static Map<String, String> column(String column, String field) {
		return Map.of("column", column, "field", field);
	}

	private static Map<String, Object> entry(Map<String, Object> line) {
		return map(line.get("entry"));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return (Map<String, Object>) value;
	}

}
