package com.performanceos.ledger.bank;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import com.performanceos.platform.security.Role;

import static org.assertj.core.api.Assertions.assertThat;

class CockpitReportIntegrationTests extends BankTestSupport {

	@Test
	void cockpitPdfOpensShowsThePositionAndFlowsAndItsDigestIsAudited() throws Exception {
		String tenant = newTenant("cockpit");
		GraphQlTester finance = graphQl(tenant, Role.FINANCE);
		String ledger = ledgerAccount(finance, "512000", "ASSET", "EUR");
		String external = "acct-" + tenant;
		bankAccount(finance, bankAccountInput("b1", "Compte courant <principal> & co", "Crédit Agricole Île-de-France", "FR-PARIS", "EUR",
				iban("30004000031234567890143"), ledger, "12345.67", "2026-03-01", external));
		deliverSigned(batch(external, List.of(transaction("t1", "2026-03-10", "2500.00", "EUR", "ACME SAS", "Facture 42"),
				transaction("t2", "2026-03-12", "-845.50", "EUR", "EDF", "Electricite")))).expectStatus().isOk();

		EntityExchangeResult<byte[]> result = web.get()
			.uri("/exports/cockpit.pdf?asOf=2026-03-31&from=2026-03-01&to=2026-03-31&grain=WEEK")
			.header("Authorization", "Bearer " + tokens.token(tenant, Role.ANALYST))
			.exchange().expectStatus().isOk().expectBody().returnResult();
		byte[] pdf = result.getResponseBody();
		assertThat(result.getResponseHeaders().getContentType().toString()).isEqualTo("application/pdf");
		String digest = result.getResponseHeaders().getFirst("X-Content-SHA256");
		assertThat(digest).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf)));

		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(document.getNumberOfPages()).isPositive();
			String text = new PDFTextStripper().getText(document);
			// Opening 12,345.67 + 2,500.00 - 845.50 = 14,000.17 as of the end of March.
			assertThat(text).contains("Cash cockpit").contains("Consolidated position").contains("Crédit Agricole Île-de-France").contains("14000.17");
			assertThat(text).contains("2500.00").contains("845.50");
		}
		assertThat(superuserRows("SELECT after_image->>'sha256' FROM audit_log WHERE tenant_id = ? AND action = 'ledger.cockpit.exported'",
				tenant)).extracting(row -> row.get(0)).containsExactly(digest);
	}

	@Test
	void cockpitNeedsAnAllowedRoleAndValidParameters() {
		String tenant = newTenant("cockpit-refused");
		web.get().uri("/exports/cockpit.pdf").header("Authorization", "Bearer " + tokens.token(tenant, Role.REP))
			.exchange().expectStatus().isForbidden();
		web.get().uri("/exports/cockpit.pdf?grain=HOUR").header("Authorization", "Bearer " + tokens.token(tenant, Role.FINANCE))
			.exchange().expectStatus().isBadRequest();
		web.get().uri("/exports/cockpit.pdf").exchange().expectStatus().isUnauthorized();
	}

}
