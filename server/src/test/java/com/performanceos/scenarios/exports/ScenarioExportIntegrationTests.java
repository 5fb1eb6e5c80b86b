package com.performanceos.scenarios.exports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
 * A saved version as CSV and PDF: the figures of its GraphQL forecast, formula-neutralised labels, the digest audited,
 * and the access of the GraphQL reads (roles and tenant for a direct download, the link for EXTERNAL_VIEWER).
 *
 * <pre>
 * No ledger facts; BASE in EUR from 2026-03-02 (91 days, weeks from Monday 03-02) with two one-offs:
 *   +1,500.00 on 03-10 (week 2) and −4,000.00 on 04-20 (week 8).
 * Weekly closings: week 1 0.00, weeks 2-7 1500.00, weeks 8-13 −2500.00; cash out on 04-20, 49 days after 03-02.
 * </pre>
 */
class ScenarioExportIntegrationTests extends IntegrationTest {

	private static final String LABEL = "=HYPERLINK(\"http://evil.example\",\"Plan\")";

	@Test
	void csvAndPdfShowTheVersionsForecastAndTheirDigestsAreAudited() throws Exception {
		String tenant = newTenant("export");
		String version = savedVersion(graphQl(tenant, Role.FINANCE));
		List<String> graphQlClosings = graphQl(tenant, Role.ANALYST).documentName("scenarioVersionForecast").variable("id", version).execute()
			.path("node.forecast.buckets[*].closing.amount").entityList(String.class).get();

		EntityExchangeResult<byte[]> csv = download("/exports/scenario-versions/" + version + "/forecast.csv", tenant, Role.ANALYST);
		List<String> lines = List.of(new String(csv.getResponseBody(), StandardCharsets.UTF_8).split("\r\n"));
		assertThat(lines).hasSize(14);
		assertThat(lines.getFirst()).startsWith("version_label,version_number,start,end,currency,opening,inflow_receivables,")
			.endsWith(",outflow_one_off,closing");
		// The label a spreadsheet would run as a formula arrives as text: quote-prefixed, then CSV-quoted for its commas.
		assertThat(lines.get(1)).startsWith("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Plan\"\")\",1,2026-03-02,2026-03-08,EUR,0.00,");
		assertThat(lines.subList(1, 14)).extracting(line -> line.substring(line.lastIndexOf(',') + 1)).containsExactlyElementsOf(graphQlClosings)
			.containsExactly("0.00", "1500.00", "1500.00", "1500.00", "1500.00", "1500.00", "1500.00", "-2500.00", "-2500.00", "-2500.00",
					"-2500.00", "-2500.00", "-2500.00");
		assertThat(lines.get(2)).contains(",2026-03-09,2026-03-15,EUR,0.00,0.00,0.00,0.00,0.00,1500.00,0.00,0.00,0.00,0.00,0.00,1500.00");
		assertThat(download("/exports/scenario-versions/" + version + "/forecast.csv?rows=DAY", tenant, Role.AUDITOR).getResponseBody())
			.asString(StandardCharsets.UTF_8).hasLineCount(92);

		EntityExchangeResult<byte[]> pdf = download("/exports/scenario-versions/" + version + "/forecast.pdf", tenant, Role.FINANCE);
		assertThat(pdf.getResponseHeaders().getContentType().toString()).isEqualTo("application/pdf");
		try (PDDocument document = Loader.loadPDF(pdf.getResponseBody())) {
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains("Cash scenario", "Weekly closing balance", "HYPERLINK", "1500.00", "-2500.00",
					"-2500.00 on 2026-04-20", "49 days (cash out on 2026-04-20)");
		}

		// Three downloads (weekly CSV, daily CSV, PDF), three audit records, each with the digest of the bytes sent.
		assertThat(auditedDigests(tenant, "scenarios.version.exported")).hasSize(3).contains(digest(csv), digest(pdf));
	}

	@Test
	void directDownloadsFollowTheRolesAndTenantOfTheGraphQlReads() {
		String tenant = newTenant("export-access");
		String version = savedVersion(graphQl(tenant, Role.FINANCE));
		String csv = "/exports/scenario-versions/" + version + "/forecast.csv";

		web.get().uri(csv).exchange().expectStatus().isUnauthorized();
		web.get().uri(csv).header("Authorization", "Bearer " + tokens.token(tenant, Role.REP)).exchange().expectStatus().isForbidden();
		// The external viewer reads versions through a link only.
		web.get().uri(csv).header("Authorization", "Bearer " + tokens.token(tenant, Role.EXTERNAL_VIEWER)).exchange().expectStatus().isForbidden();
		// Another tenant's version is unknown, exactly like a made-up id.
		web.get().uri(csv).header("Authorization", "Bearer " + tokens.token(newTenant("export-other"), Role.FINANCE)).exchange()
			.expectStatus().isNotFound();
		web.get().uri("/exports/scenario-versions/not-an-id/forecast.csv").header("Authorization", "Bearer " + tokens.token(tenant, Role.FINANCE))
			.exchange().expectStatus().isNotFound();
		web.get().uri(csv + "?rows=HOUR").header("Authorization", "Bearer " + tokens.token(tenant, Role.FINANCE)).exchange()
			.expectStatus().isBadRequest();
	}

	@Test
	void aShareLinkDownloadsForItsRoleInItsTenantUntilRevoked() throws Exception {
		String tenant = newTenant("export-link");
		GraphQlTester finance = graphQl(tenant, Role.FINANCE);
		String version = savedVersion(finance);
		GraphQlTester.Response created = finance.document("mutation($input: CreateScenarioShareLinkInput!) { createScenarioShareLink(input: $input) "
				+ "{ token shareLink { id } } }")
			.variable("input", Map.of("versionId", version, "role", "EXTERNAL_VIEWER", "expiresAt", Instant.now().plus(7, ChronoUnit.DAYS).toString()))
			.execute();
		String token = created.path("createScenarioShareLink.token").entity(String.class).get();
		String link = created.path("createScenarioShareLink.shareLink.id").entity(String.class).get();
		String shared = "/exports/shared-scenario-version/forecast.csv";

		byte[] direct = download("/exports/scenario-versions/" + version + "/forecast.csv", tenant, Role.FINANCE).getResponseBody();
		EntityExchangeResult<byte[]> viaLink = web.get().uri(shared).header("Authorization", "Bearer " + tokens.token(tenant, Role.EXTERNAL_VIEWER))
			.header("X-Share-Token", token).exchange().expectStatus().isOk().expectBody().returnResult();
		assertThat(viaLink.getResponseBody()).isEqualTo(direct);
		web.get().uri("/exports/shared-scenario-version/forecast.pdf").header("Authorization", "Bearer " + tokens.token(tenant, Role.EXTERNAL_VIEWER))
			.header("X-Share-Token", token).exchange().expectStatus().isOk();

		// Another role of the tenant, the link's role in another tenant, no token, a wrong token.
		web.get().uri(shared).header("Authorization", "Bearer " + tokens.token(tenant, Role.ANALYST)).header("X-Share-Token", token).exchange()
			.expectStatus().isForbidden();
		web.get().uri(shared).header("Authorization", "Bearer " + tokens.token(newTenant("export-link-other"), Role.EXTERNAL_VIEWER))
			.header("X-Share-Token", token).exchange().expectStatus().isNotFound();
		web.get().uri(shared).header("Authorization", "Bearer " + tokens.token(tenant, Role.EXTERNAL_VIEWER)).exchange().expectStatus().isBadRequest();
		web.get().uri(shared).header("Authorization", "Bearer " + tokens.token(tenant, Role.EXTERNAL_VIEWER)).header("X-Share-Token", "wrong")
			.exchange().expectStatus().isNotFound();

		finance.document("mutation($input: RevokeScenarioShareLinkInput!) { revokeScenarioShareLink(input: $input) { shareLink { active } } }")
			.variable("input", Map.of("shareLinkId", link)).execute()
			.path("revokeScenarioShareLink.shareLink.active").entity(Boolean.class).isEqualTo(false);
		web.get().uri(shared).header("Authorization", "Bearer " + tokens.token(tenant, Role.EXTERNAL_VIEWER)).header("X-Share-Token", token)
			.exchange().expectStatus().isForbidden();

		assertThat(auditedDigests(tenant, "scenarios.share.exported")).hasSize(2).contains(digest(viaLink));
		// Refusals audited in this tenant: the other role, the wrong token, the revoked link (the other tenant's attempt is in its own).
		assertThat(auditedDigests(tenant, "scenarios.share.refused")).hasSize(3);
	}

	private EntityExchangeResult<byte[]> download(String uri, String tenant, Role role) {
		EntityExchangeResult<byte[]> result = web.get().uri(uri).header("Authorization", "Bearer " + tokens.token(tenant, role)).exchange()
			.expectStatus().isOk().expectBody().returnResult();
		assertThat(digest(result)).isEqualTo(sha256(result.getResponseBody()));
		return result;
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

	private static String savedVersion(GraphQlTester finance) {
		Map<String, Object> drivers = Map.of("oneOffs", List.of(
				Map.of("label", "Tax refund", "date", "2026-03-10", "amount", "1500.00", "currency", "EUR"),
				Map.of("label", "Fine", "date", "2026-04-20", "amount", "-4000.00", "currency", "EUR")));
		Map<String, Object> input = new LinkedHashMap<>();
		input.put("idempotencyKey", "s");
		input.put("name", "Base");
		input.put("template", "BASE");
		input.put("reportingCurrency", "EUR");
		input.put("drivers", drivers);
		String scenario = finance.documentName("scenarioCreate").variable("input", input).execute()
			.path("createScenario.scenario.id").entity(String.class).get();
		return finance.documentName("scenarioSaveVersion")
			.variable("input", Map.of("idempotencyKey", "v", "scenarioId", scenario, "asOf", "2026-03-02", "label", LABEL)).execute()
			.path("saveScenarioVersion.version.id").entity(String.class).get();
	}

	private static List<String> auditedDigests(String tenant, String action) throws Exception {
		List<String> digests = new ArrayList<>();
		try (Connection connection = TestServices.shared().superuserConnection();
				PreparedStatement statement = connection.prepareStatement(
						"SELECT coalesce(after_image->>'sha256', '') FROM audit_log WHERE tenant_id = ? AND action = ? ORDER BY 1")) {
			statement.setString(1, tenant);
			statement.setString(2, action);
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					digests.add(rows.getString(1));
				}
			}
		}
		return digests;
	}

}
