package com.performanceos.rules.commissions.proof;

import java.nio.charset.StandardCharsets;
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
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import com.performanceos.platform.security.Role;
import com.performanceos.rules.commissions.runs.CommissionsWorld;
import com.performanceos.rules.engine.JsonValues;
import com.performanceos.testsupport.IntegrationTest;
import com.performanceos.testsupport.TestServices;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proof packs through the API: a rep's month downloaded as JSON and PDF with its certificate, lineage, validations and
 * audit records, its digest audited; verified against the stored data, and failing, naming the item, once any stored
 * input it covers is changed behind the application's back.
 */
class ProofPackIntegrationTests extends IntegrationTest {

	private static final String VERIFY = """
			query($id: ID!) { verifyProofPack(id: $id) { packId valid issuedSha256 recomputedSha256 changes { section item change message } } }""";

	private CommissionsWorld march(String prefix) {
		CommissionsWorld world = new CommissionsWorld("http://127.0.0.1:" + port, tokens, newTenant(prefix));
		world.importDeals("deals", """
				D-A,ana,Pro,FR,40000.00,40000.00,CLOSED_WON,2026-03-10,EUR
				D-B,bob,Pro,FR,20000.00,20000.00,CLOSED_WON,2026-03-11,EUR
				""");
		world.importQuotas("quotas", "ana,2026-03,100000,EUR\nbob,2026-03,100000,EUR\n");
		world.reps(List.of(Map.of("code", "ana", "name", "Ana", "role", "AE", "subject", "ana-user"),
				Map.of("code", "bob", "name", "Bob", "role", "AE", "subject", "bob-user")), List.of());
		world.assign(world.publishedPlan("AE", CommissionsWorld.plan("GRADUATED", Map.of())), "2026-03", "ana", "bob");
		world.run("march", "2026-03", Map.of());
		return world;
	}

	private EntityExchangeResult<byte[]> download(CommissionsWorld world, String subject, Role role, String query, int status) {
		return web.get().uri("/exports/commissions/proof-pack." + query).header("Authorization", "Bearer " + tokens.token(subject, world.tenant, role))
			.exchange().expectStatus().isEqualTo(status).expectBody().returnResult();
	}

	@Test
	@SuppressWarnings("unchecked")
	void aRepsPackCarriesItsCertificateLineageValidationsAndAuditAndItsDigestIsAudited() throws Exception {
		CommissionsWorld world = march("proof-pack");
		EntityExchangeResult<byte[]> result = download(world, "ana-user", Role.REP, "json?period=2026-03&rep=ana", 200);
		byte[] body = result.getResponseBody();
		String digest = result.getResponseHeaders().getFirst("X-Content-SHA256");
		assertThat(digest).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)));
		Map<String, Object> pack = (Map<String, Object>) JsonValues.parse(new String(body, StandardCharsets.UTF_8));
		assertThat(pack.get("packId")).isEqualTo(result.getResponseHeaders().getFirst("X-Proof-Pack-Id"));
		Map<String, Object> certificate = (Map<String, Object>) pack.get("certificate");
		assertThat(certificate.get("pack")).asString().hasSize(64);
		assertThat(((Map<String, Object>) ((Map<String, Object>) certificate.get("items")).get("deals")).keySet()).containsExactly("D-A");
		List<Map<String, Object>> lines = (List<Map<String, Object>>) pack.get("lines");
		assertThat(lines).singleElement().satisfies(line -> {
			assertThat(line.get("rep")).isEqualTo("ana");
			Map<String, Object> lineage = (Map<String, Object>) line.get("lineage");
			assertThat(lineage.get("dealRef")).isEqualTo("D-A");
			assertThat((String) lineage.get("source")).startsWith("import ").endsWith(" row 1");
			assertThat(((Map<String, Object>) lineage.get("planVersion")).get("rule")).isNotNull();
			assertThat(((Map<String, Object>) lineage.get("tiers")).get("tierName")).isEqualTo("Base");
		});
		assertThat((List<Map<String, Object>>) pack.get("totals")).singleElement().satisfies(total -> assertThat(total.get("payable").toString())
			.isEqualTo("4000"));
		assertThat((List<Map<String, Object>>) pack.get("validations")).anySatisfy(step -> {
			assertThat((String) step.get("step")).contains("approve");
			assertThat(step.get("by")).isEqualTo("fiona");
			assertThat(step.get("justification")).isEqualTo("reviewed");
		});
		assertThat((List<Map<String, Object>>) pack.get("audit")).extracting(record -> (String) record.get("action"))
			.contains("commissions.run.started");
		assertThat(superuserColumn("SELECT after_image->>'sha256' FROM audit_log WHERE tenant_id = ? AND action = 'commissions.proof-pack.issued'",
				world.tenant)).containsExactly(digest);

		EntityExchangeResult<byte[]> pdf = download(world, "ana-user", Role.REP, "pdf?period=2026-03&rep=ana", 200);
		assertThat(pdf.getResponseHeaders().getFirst("X-Content-SHA256"))
			.isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf.getResponseBody())));
		try (PDDocument document = Loader.loadPDF(pdf.getResponseBody())) {
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains("Commission proof pack").contains("Integrity certificate").contains("D-A").contains("4000")
				.contains("Human validations").contains("reviewed");
		}
	}

	@Test
	void aPackVerifiesAndEachStoredChangeItCoversFailsItNamingWhatChanged() throws Exception {
		CommissionsWorld world = march("proof-verify");
		String packId = download(world, "ana-user", Role.REP, "json?period=2026-03&rep=ana", 200).getResponseHeaders().getFirst("X-Proof-Pack-Id");
		HttpGraphQlTester ana = world.as("ana-user", Role.REP);
		ana.document(VERIFY).variable("id", packId).execute().path("verifyProofPack.valid").entity(Boolean.class).isEqualTo(true)
			.path("verifyProofPack.changes").entityList(Object.class).hasSize(0);

		tamper("UPDATE sales_deal SET amount = 40001 WHERE tenant_id = ? AND deal_ref = 'D-A'", world.tenant);
		ana.document(VERIFY).variable("id", packId).execute().path("verifyProofPack.valid").entity(Boolean.class).isEqualTo(false)
			.path("verifyProofPack.changes[*].item").entityList(String.class).containsExactly("D-A")
			.path("verifyProofPack.changes[0].section").entity(String.class).isEqualTo("deals")
			.path("verifyProofPack.changes[0].message").entity(String.class).isEqualTo("Deal D-A changed since the pack was issued");
		tamper("UPDATE sales_deal SET amount = 40000 WHERE tenant_id = ? AND deal_ref = 'D-A'", world.tenant);
		ana.document(VERIFY).variable("id", packId).execute().path("verifyProofPack.valid").entity(Boolean.class).isEqualTo(true);

		tamper("UPDATE rules_version SET definition = replace(definition, '\"ratePercent\":10', '\"ratePercent\":11') WHERE tenant_id = ?",
				world.tenant);
		ana.document(VERIFY).variable("id", packId).execute().path("verifyProofPack.valid").entity(Boolean.class).isEqualTo(false)
			.path("verifyProofPack.changes[*].section").entityList(String.class).containsExactly("plans")
			.path("verifyProofPack.changes[0].change").entity(String.class).isEqualTo("CHANGED");
		tamper("UPDATE rules_version SET definition = replace(definition, '\"ratePercent\":11', '\"ratePercent\":10') WHERE tenant_id = ?",
				world.tenant);

		tamper("UPDATE commission_line SET amount = amount + 1 WHERE tenant_id = ? AND rep_code = 'ana'", world.tenant);
		ana.document(VERIFY).variable("id", packId).execute().path("verifyProofPack.valid").entity(Boolean.class).isEqualTo(false)
			.path("verifyProofPack.changes[*].section").entityList(String.class).containsExactly("lines")
			.path("verifyProofPack.changes[0].message").entity(String.class).isEqualTo("Commission line 1 changed since the pack was issued");
	}

	@Test
	void aRepGetsAndVerifiesOnlyTheirOwnPacksAndAWholeRunIsForThoseWhoReadEveryone() throws Exception {
		CommissionsWorld world = march("proof-access");
		String anaPack = download(world, "ana-user", Role.REP, "json?period=2026-03&rep=ana", 200).getResponseHeaders().getFirst("X-Proof-Pack-Id");
		download(world, "bob-user", Role.REP, "json?period=2026-03&rep=ana", 404);
		download(world, "bob-user", Role.REP, "pdf?period=2026-03&rep=ana", 404);
		download(world, "bob-user", Role.REP, "json?period=2026-03", 404);
		world.as("bob-user", Role.REP).document(VERIFY).variable("id", anaPack).execute().path("verifyProofPack").valueIsNull();
		download(world, "ana-user", Role.REP, "json?rep=ana", 400);

		String runPack = download(world, "fiona", Role.FINANCE, "json?period=2026-03", 200).getResponseHeaders().getFirst("X-Proof-Pack-Id");
		world.finance.document(VERIFY).variable("id", runPack).execute().path("verifyProofPack.valid").entity(Boolean.class).isEqualTo(true);
		tamper("UPDATE commission_rep_total SET payable = payable - 1 WHERE tenant_id = ? AND rep_code = 'bob'", world.tenant);
		world.finance.document(VERIFY).variable("id", runPack).execute().path("verifyProofPack.valid").entity(Boolean.class).isEqualTo(false)
			.path("verifyProofPack.changes[*].message").entityList(String.class).containsExactly("The total of bob changed since the pack was issued");
		// Ana's own pack does not cover Bob's figures: it still verifies.
		world.as("ana-user", Role.REP).document(VERIFY).variable("id", anaPack).execute().path("verifyProofPack.valid").entity(Boolean.class)
			.isEqualTo(true);
	}

	/** Changes stored data as a superuser would, bypassing the triggers that keep rule versions immutable. */
	private static void tamper(String sql, String tenant) throws Exception {
		try (Connection connection = TestServices.shared().superuserConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
			try (var bypass = connection.createStatement()) {
				bypass.execute("SET session_replication_role = replica");
			}
			statement.setString(1, tenant);
			assertThat(statement.executeUpdate()).as(sql).isPositive();
		}
	}

	private static List<String> superuserColumn(String sql, String tenant) throws Exception {
		try (Connection connection = TestServices.shared().superuserConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, tenant);
			try (ResultSet rows = statement.executeQuery()) {
				List<String> values = new ArrayList<>();
				while (rows.next()) {
					values.add(rows.getString(1));
				}
				return values;
			}
		}
	}

}
