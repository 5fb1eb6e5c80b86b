package com.performanceos.scenarios.exports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import com.performanceos.platform.security.Role;
import com.performanceos.testsupport.IntegrationTest;
import com.performanceos.testsupport.TestServices;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The comparison as CSV and PDF: the figures {@code compareScenarios} answers, the digest audited with the items
 * compared, and the access of the GraphQL field (roles, tenant), hostile parameters refused with typed 400s.
 *
 * <pre>
 * No ledger facts, EUR, versions saved as of 2026-03-02 (13 weeks from Monday 03-02).
 * BASE: +1,500.00 on 03-10 (week 2), −4,000.00 on 04-20 (week 8): closings 0, 1500 ×6, −2500 ×6.
 * LEAN: +1,500.00 on 03-10 only:                                  closings 0, 1500 ×12.
 * LEAN − BASE per week: closing 0 ×7 then 4000.00 ×6; week 8's one-off outflow −4000.00, every other category 0.
 * </pre>
 */
class ScenarioExportComparisonIntegrationTests extends IntegrationTest {

	private static final String CSV = "/exports/scenario-comparison.csv";

	private static final String PDF = "/exports/scenario-comparison.pdf";

	@Test
	void csvAndPdfShowWhatCompareScenariosAnswersAndTheirDigestsAreAudited() throws Exception {
		String tenant = newTenant("export-compare");
		GraphQlTester finance = graphQl(tenant, Role.FINANCE);
		String base = savedVersion(finance, "base", "Base", List.of(oneOff("Tax refund", "2026-03-10", "1500.00"),
				oneOff("Fine", "2026-04-20", "-4000.00")));
		String lean = savedVersion(finance, "lean", "=Lean", List.of(oneOff("Tax refund", "2026-03-10", "1500.00")));
		List<String> graphQlDeltas = finance.documentName("scenarioCompare")
			.variable("input", Map.of("items", List.of(Map.of("versionId", base), Map.of("versionId", lean)))).execute()
			.path("compareScenarios.deltas[0].buckets[*].closing.amount").entityList(String.class).get();
		String query = "?item=" + base + "&item=" + lean;

		EntityExchangeResult<byte[]> csv = download(CSV + query, tenant, Role.ANALYST);
		List<String> lines = List.of(new String(csv.getResponseBody(), StandardCharsets.UTF_8).split("\r\n"));
		assertThat(lines).hasSize(1 + 13 + 13 + 13);
		assertThat(lines.getFirst()).startsWith("row,series,label,against,start,end,currency,opening,inflow_receivables,")
			.endsWith(",outflow_one_off,closing");
		assertThat(lines.get(1)).startsWith("FORECAST,0,Base,,2026-03-02,2026-03-08,EUR,0.00,");
		assertThat(lines.get(14)).as("a label a spreadsheet would run arrives as text").startsWith("FORECAST,1,'=Lean,,2026-03-02,");
		List<String> deltas = lines.subList(27, 40);
		assertThat(deltas).allSatisfy(line -> assertThat(line).startsWith("DELTA,1,'=Lean,Base,"));
		assertThat(deltas).extracting(ScenarioExportComparisonIntegrationTests::lastField).containsExactlyElementsOf(graphQlDeltas)
			.containsExactly("0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "4000.00", "4000.00", "4000.00", "4000.00", "4000.00",
					"4000.00");
		// Week 8 (04-20 to 04-26): the one-off outflow is 4,000.00 lower in LEAN, the other categories equal; no opening in a delta.
		assertThat(deltas.get(7)).isEqualTo("DELTA,1,'=Lean,Base,2026-04-20,2026-04-26,EUR,,0.00,0.00,0.00,0.00,0.00,0.00,0.00,0.00,0.00,"
				+ "-4000.00,4000.00");
		assertThat(download(CSV + query + "&granularity=DAY", tenant, Role.AUDITOR).getResponseBody()).asString(StandardCharsets.UTF_8)
			.hasLineCount(1 + 91 * 3);

		EntityExchangeResult<byte[]> pdf = download(PDF + query, tenant, Role.FINANCE);
		assertThat(pdf.getResponseHeaders().getContentType().toString()).isEqualTo("application/pdf");
		try (PDDocument document = Loader.loadPDF(pdf.getResponseBody())) {
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains("Cash scenario comparison", "2 forecasts by week", "=Lean", "-2500.00", "4000.00", "-4000.00",
					"ONE_OFF", "Differences by category");
		}

		assertThat(auditedDigests(tenant)).hasSize(3).contains(digest(csv), digest(pdf));
		assertThat(auditedItems(tenant)).allSatisfy(items -> assertThat(items).contains(base, lean));
	}

	@Test
	void downloadsFollowTheRolesAndTenantOfCompareScenariosAndRefuseHostileParametersTyped() throws Exception {
		String tenant = newTenant("export-compare-access");
		GraphQlTester finance = graphQl(tenant, Role.FINANCE);
		String base = savedVersion(finance, "base", "Base", List.of(oneOff("Fine", "2026-04-20", "-4000.00")));
		String other = savedVersion(finance, "other", "Other", List.of(oneOff("Refund", "2026-03-10", "100.00")));
		String query = CSV + "?item=" + base + "&item=" + other;

		web.get().uri(query).exchange().expectStatus().isUnauthorized();
		web.get().uri(query).header("Authorization", "Bearer " + tokens.token(tenant, Role.REP)).exchange().expectStatus().isForbidden();
		web.get().uri(query).header("Authorization", "Bearer " + tokens.token(tenant, Role.EXTERNAL_VIEWER)).exchange().expectStatus().isForbidden();
		// Another tenant's versions are unknown, exactly like made-up ids.
		web.get().uri(query).header("Authorization", "Bearer " + tokens.token(newTenant("export-compare-other"), Role.FINANCE)).exchange()
			.expectStatus().isNotFound();

		String token = tokens.token(tenant, Role.FINANCE);
		refused(CSV + "?item=" + base, token, "item");
		refused(CSV + "?item=" + base + "&item=not-an-id", token, "item");
		refused(query + "&granularity=MONTH", token, "granularity");
		refused(query + "&horizonDays=-1", token, "horizonDays");
		refused(query + "&asOf=2026-02-30", token, "asOf");
		refused(PDF + "?item=" + base + "&item=" + other + "&item=" + base + "&item=" + base + "&item=" + base + "&item=" + base + "&item="
				+ base, token, "item");
		assertThat(auditedDigests(tenant)).as("refusals write no export record").isEmpty();
	}

	private void refused(String uri, String token, String field) {
		web.get().uri(uri).header("Authorization", "Bearer " + token).exchange()
			.expectStatus().isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].extensions.code").isEqualTo("BAD_USER_INPUT")
			.jsonPath("$.errors[0].extensions.field").isEqualTo(field);
	}

	private EntityExchangeResult<byte[]> download(String uri, String tenant, Role role) {
		EntityExchangeResult<byte[]> result = web.get().uri(uri).header("Authorization", "Bearer " + tokens.token(tenant, role)).exchange()
			.expectStatus().isOk().expectBody().returnResult();
		assertThat(digest(result)).isEqualTo(sha256(result.getResponseBody()));
		return result;
	}

	private static String lastField(String line) {
		return line.substring(line.lastIndexOf(',') + 1);
	}

	private static String digest(EntityExchangeResult<byte[]> result) {
		return result.getResponseHeaders().getFirst("X-Content-SHA256");
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Map<String, Object> oneOff(String label, String date, String amount) {
		return Map.of("label", label, "date", date, "amount", amount, "currency", "EUR");
	}

	private static String savedVersion(GraphQlTester finance, String key, String label, List<Map<String, Object>> oneOffs) {
		Map<String, Object> input = new LinkedHashMap<>();
		input.put("idempotencyKey", "s-" + key);
		input.put("name", "Scenario " + key);
		input.put("template", "BASE");
		input.put("reportingCurrency", "EUR");
		input.put("drivers", Map.of("oneOffs", oneOffs));
		String scenario = finance.documentName("scenarioCreate").variable("input", input).execute()
			.path("createScenario.scenario.id").entity(String.class).get();
		return finance.documentName("scenarioSaveVersion")
			.variable("input", Map.of("idempotencyKey", "v-" + key, "scenarioId", scenario, "asOf", "2026-03-02", "label", label)).execute()
			.path("saveScenarioVersion.version.id").entity(String.class).get();
	}

	private static List<String> auditedDigests(String tenant) throws Exception {
		return audited(tenant, "after_image->>'sha256'");
	}

	private static List<String> auditedItems(String tenant) throws Exception {
		return audited(tenant, "after_image->>'items'");
	}

	private static List<String> audited(String tenant, String expression) throws Exception {
		List<String> values = new ArrayList<>();
		try (Connection connection = TestServices.shared().superuserConnection();
				PreparedStatement statement = connection.prepareStatement("SELECT coalesce(" + expression + ", '') FROM audit_log "
						+ "WHERE tenant_id = ? AND action = 'scenarios.comparison.exported' ORDER BY 1")) {
			statement.setString(1, tenant);
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					values.add(rows.getString(1));
				}
			}
		}
		return values;
	}

}
