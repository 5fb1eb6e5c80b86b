package com.performanceos.rules.commissions.statements;

import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import com.performanceos.platform.security.Role;
import com.performanceos.rules.commissions.runs.CommissionsWorld;
import com.performanceos.testsupport.IntegrationTest;
import com.performanceos.testsupport.TestServices;

import static org.assertj.core.api.Assertions.assertThat;

/** A rep's statement as a PDF: its figures and attainment chart, its digest audited, and the GraphQL statement's visibility. */
class StatementPdfIntegrationTests extends IntegrationTest {

	@Test
	void aRepDownloadsTheirStatementWithItsTotalsAndChartAndItsDigestIsAudited() throws Exception {
		CommissionsWorld world = new CommissionsWorld("http://127.0.0.1:" + port, tokens, newTenant("statement-pdf"));
		world.importDeals("deals", """
				D-A,ana,Pro,FR,40000.00,40000.00,CLOSED_WON,2026-03-10,EUR
				D-B,bob,Pro,FR,20000.00,20000.00,CLOSED_WON,2026-03-11,EUR
				""");
		world.importQuotas("quotas", "ana,2026-03,100000,EUR\nbob,2026-03,100000,EUR\n");
		world.reps(List.of(Map.of("code", "ana", "name", "Ana", "role", "AE", "subject", "ana-user"),
				Map.of("code", "bob", "name", "Bob", "role", "AE", "subject", "bob-user"),
				Map.of("code", "max", "name", "Max", "role", "MANAGER", "subject", "max-user")),
				List.of(Map.of("rep", "ana", "manager", "max", "validFrom", "2026-01-01")));
		world.assign(world.publishedPlan("AE", CommissionsWorld.plan("GRADUATED", Map.of())), "2026-03", "ana", "bob");
		world.run("march", "2026-03", Map.of());

		EntityExchangeResult<byte[]> result = statement(world.tenant, "ana-user", Role.REP, "ana", 200);
		byte[] pdf = result.getResponseBody();
		assertThat(result.getResponseHeaders().getContentType().toString()).isEqualTo("application/pdf");
		String digest = result.getResponseHeaders().getFirst("X-Content-SHA256");
		assertThat(digest).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf)));
		try (PDDocument document = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(document);
			// 40,000 credited on a 100,000 quota at 10 %: 4,000 payable, 40 % attainment.
			assertThat(text).contains("Commission statement").contains("Rep ana").contains("2026-03").contains("Payable 4000.00 EUR")
				.contains("40.00 % of quota").contains("D-A").doesNotContain("D-B");
		}
		assertThat(audited(world.tenant)).containsExactly(digest);

		statement(world.tenant, "bob-user", Role.REP, "ana", 404);
		statement(world.tenant, "max-user", Role.MANAGER, "ana", 200);
		statement(world.tenant, "max-user", Role.MANAGER, "bob", 404);
		statement(world.tenant, "fiona", Role.FINANCE, "bob", 200);
		statement(world.tenant, "ana-user", Role.ANALYST, "ana", 403);
		assertThat(audited(world.tenant)).hasSize(3);
	}

	private EntityExchangeResult<byte[]> statement(String tenant, String subject, Role role, String rep, int status) {
		return web.get().uri("/exports/commissions/statement.pdf?period=2026-03&rep=" + rep)
			.header("Authorization", "Bearer " + tokens.token(subject, tenant, role)).exchange().expectStatus().isEqualTo(status)
			.expectBody().returnResult();
	}

	private static List<String> audited(String tenant) throws Exception {
		try (Connection connection = TestServices.shared().superuserConnection(); PreparedStatement statement = connection.prepareStatement(
				"SELECT after_image->>'sha256' FROM audit_log WHERE tenant_id = ? AND action = 'commissions.statement.exported' ORDER BY seq")) {
			statement.setString(1, tenant);
			try (ResultSet rows = statement.executeQuery()) {
				List<String> digests = new ArrayList<>();
				while (rows.next()) {
					digests.add(rows.getString(1));
				}
				return digests;
			}
		}
	}

}
