package com.performanceos.tenders.opendata;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.performanceos.platform.digest.Sha256;
import com.performanceos.platform.security.Role;
import com.performanceos.tenders.ReferenceDataFiles;
import com.performanceos.tenders.TenderScenario;
import com.performanceos.testsupport.IntegrationTest;
import com.performanceos.testsupport.TestServices;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DECP and OCDS exports of signed contracts, checked here by a JSON Schema validator of their own against the schema
 * files of {@code reference-data/} (not the server's copy of the checks).
 */
class OpenDataIntegrationTests extends IntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String SIGN = """
			mutation($input: SignContractInput!) { signContract(input: $input) {
			  contract { id openDataId object holderSiret amount { amount } offersReceived notifiedOn durationMonths priceForm lot { number } }
			  userErrors { code message field } } }""";

	@Test
	void signedContractsFromFortyThousandEurosAreExportedAsValidDecpAndOcdsWithAnAuditedDigest() throws Exception {
		String buyerTenant = newTenant("od");
		var scenario = TenderScenario.publish(web, tokens, port, buyerTenant, "MAPA-26-07", "MAPA", Duration.ofSeconds(25),
				List.of(TenderScenario.lot("Entretien des espaces verts", "90000", "LOWEST_PRICE_RATIO"),
						TenderScenario.lot("Élagage", "35000", "LOWEST_PRICE_RATIO")));
		var a = scenario.vendor(newTenant("a"), "73282932000074", true);
		var b = scenario.vendor(newTenant("b"), "44306184100047", false);
		bid(a, "a1", scenario.lotIds.get(0), "81000");
		bid(b, "b1", scenario.lotIds.get(0), "86500.50");
		bid(a, "a2", scenario.lotIds.get(1), "30000");
		scenario.awaitDeadline();
		var buyer = scenario.buyer("buyer", Role.BUYER);
		awardAndNotify(buyer, scenario.lotIds.get(0));
		awardAndNotify(buyer, scenario.lotIds.get(1));
		LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));

		sign(buyer, "sign-1", scenario.lotIds.get(0), today.plusDays(1)).path("signContract.userErrors[0].field[1]").entity(String.class)
			.isEqualTo("notifiedOn");
		sign(buyer, "sign-1", scenario.lotIds.get(0), today).path("signContract.userErrors").entityList(Object.class).hasSize(0)
			.path("signContract.contract.openDataId").entity(String.class).isEqualTo("MAPA-26-07-1")
			.path("signContract.contract.holderSiret").entity(String.class).isEqualTo("73282932000074")
			.path("signContract.contract.amount.amount").entity(String.class).isEqualTo("81000.00")
			.path("signContract.contract.offersReceived").entity(Integer.class).isEqualTo(2)
			.path("signContract.contract.lot.number").entity(Integer.class).isEqualTo(1);
		sign(buyer, "sign-again", scenario.lotIds.get(0), today).path("signContract.userErrors[0].code").entity(String.class)
			.isEqualTo("INVALID_STATE");
		sign(buyer, "sign-2", scenario.lotIds.get(1), today).path("signContract.userErrors").entityList(Object.class).hasSize(0);
		// Another buyer can neither sign nor see these contracts.
		var stranger = graphQl(newTenant("stranger"), Role.BUYER);
		sign(stranger, "steal", scenario.lotIds.get(0), today).path("signContract.userErrors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
		stranger.document("query($id: ID!) { node(id: $id) { ... on Lot { contract { id } } } }").variable("id", scenario.lotIds.get(0)).execute()
			.path("node.contract").valueIsNull();

		String token = tokens.token("buyer", buyerTenant, Role.BUYER);
		var decp = download("/exports/tenders/decp.json", token);
		JsonNode decpDocument = JSON.readTree(decp.getResponseBody());
		assertThat(validator("decp/schema_decp_v2.0.3.json").validate(decpDocument)).isEmpty();
		// Only the contract from 40,000 EUR: the 30,000 EUR one is not essential data.
		assertThat(decpDocument.get("marches").get("marche")).hasSize(1);
		JsonNode marche = decpDocument.get("marches").get("marche").get(0);
		assertThat(marche.get("id").asString()).isEqualTo("MAPA-26-07-1");
		assertThat(marche.get("acheteur").get("id").asString()).isEqualTo("21690123100011");
		assertThat(marche.get("procedure").asString()).isEqualTo("Procédure adaptée");
		assertThat(marche.get("montant").decimalValue()).isEqualByComparingTo("81000");
		assertThat(marche.get("offresRecues").asInt()).isEqualTo(2);
		assertThat(marche.get("dureeMois").asInt()).isEqualTo(12);
		assertThat(marche.get("formePrix").asString()).isEqualTo("Forfaitaire");
		assertThat(marche.get("titulaires").get(0).get("titulaire").get("id").asString()).isEqualTo("73282932000074");
		assertThat(marche.get("dateNotification").asString()).isEqualTo(today.toString());

		var ocds = download("/exports/tenders/ocds.json", token);
		JsonNode ocdsPackage = JSON.readTree(ocds.getResponseBody());
		assertThat(validator("ocds/release-package-schema.json").validate(ocdsPackage)).isEmpty();
		assertThat(ocdsPackage.get("releases")).hasSize(1);
		JsonNode release = ocdsPackage.get("releases").get(0);
		assertThat(release.get("ocid").asString()).startsWith("ocds-pos000-");
		assertThat(release.get("contracts").get(0).get("value").get("amount").decimalValue()).isEqualByComparingTo("81000");
		assertThat(release.get("awards").get(0).get("suppliers").get(0).get("id").asString()).isEqualTo("FR-SIRET-73282932000074");
		assertThat(release.get("tender").get("numberOfTenderers").asInt()).isEqualTo(2);

		assertThat(auditedDigests(buyerTenant)).containsExactlyInAnyOrder(decp.getResponseHeaders().getFirst("X-Content-SHA256"),
				ocds.getResponseHeaders().getFirst("X-Content-SHA256"));

		// Another buyer's export holds none of them; a vendor may not export.
		String strangerToken = tokens.token("buyer", newTenant("empty"), Role.BUYER);
		assertThat(JSON.readTree(download("/exports/tenders/decp.json", strangerToken).getResponseBody()).get("marches").get("marche")).isEmpty();
		web.get().uri("/exports/tenders/ocds.json").header("Authorization", "Bearer " + strangerToken).exchange().expectStatus().isNotFound();
		web.get().uri("/exports/tenders/decp.json").header("Authorization", "Bearer " + tokens.token("vendor", buyerTenant, Role.VENDOR))
			.exchange().expectStatus().isForbidden();
	}

	@Test
	void aRecordThatFailsTheDecpSchemaStopsTheExportNamingTheFieldAndNothingIsSent() throws Exception {
		String buyerTenant = newTenant("od");
		// DECP identifiers have at most 16 characters: this reference makes the contract's one 20.
		var scenario = TenderScenario.publish(web, tokens, port, buyerTenant, "MAPA-2026-VOIRIE-07", "MAPA", Duration.ofSeconds(15),
				List.of(TenderScenario.lot("Voirie", "120000", "LOWEST_PRICE_RATIO")));
		var a = scenario.vendor(newTenant("a"), "73282932000074", true);
		bid(a, "a1", scenario.lotIds.get(0), "100000");
		scenario.awaitDeadline();
		var buyer = scenario.buyer("buyer", Role.BUYER);
		awardAndNotify(buyer, scenario.lotIds.get(0));
		sign(buyer, "sign", scenario.lotIds.get(0), LocalDate.now(ZoneId.of("Europe/Paris"))).path("signContract.userErrors")
			.entityList(Object.class).hasSize(0);

		String token = tokens.token("buyer", buyerTenant, Role.BUYER);
		var refused = web.get().uri("/exports/tenders/decp.json").header("Authorization", "Bearer " + token).exchange()
			.expectStatus().isEqualTo(422)
			.expectHeader().doesNotExist("X-Content-SHA256")
			.expectBody(String.class).returnResult();
		JsonNode error = JSON.readTree(refused.getResponseBody()).get("errors").get(0);
		assertThat(error.get("extensions").get("code").asString()).isEqualTo("OPEN_DATA_INVALID");
		assertThat(error.get("extensions").get("paths").get(0).asString()).isEqualTo("/marches/marche/0/id");
		assertThat(error.get("message").asString()).contains("MAPA-2026-VOIRIE-07");
		assertThat(auditedDigests(buyerTenant)).isEmpty();
		// OCDS identifiers have no such limit: the same contract is valid there.
		var ocds = download("/exports/tenders/ocds.json", token);
		assertThat(validator("ocds/release-package-schema.json").validate(JSON.readTree(ocds.getResponseBody()))).isEmpty();
	}

	private static void bid(GraphQlTester vendor, String key, String lot, String amount) {
		TenderScenario.bid(vendor, key, lot, amount, List.of()).path("submitBid.userErrors").entityList(Object.class).hasSize(0);
	}

	private static void awardAndNotify(GraphQlTester buyer, String lot) {
		buyer.document("mutation($lot: ID!) { openBids(input: { lotId: $lot }) { userErrors { code } } }").variable("lot", lot).execute()
			.path("openBids.userErrors").entityList(Object.class).hasSize(0);
		buyer.document("mutation($lot: ID!) { declareNoConflictOfInterest(input: { lotId: $lot }) { userErrors { code } } }").variable("lot", lot)
			.execute().path("declareNoConflictOfInterest.userErrors").entityList(Object.class).hasSize(0);
		List<String> offers = buyer.document("query($lot: ID!) { node(id: $lot) { ... on Lot { offers { id } } } }").variable("lot", lot).execute()
			.path("node.offers[*].id").entityList(String.class).get();
		for (String offer : offers) {
			buyer.document("mutation($offer: ID!) { scoreOffer(input: { offerId: $offer, criterionPosition: 2, points: \"30\", "
					+ "justification: \"Mémoire technique complet\" }) { userErrors { code } } }").variable("offer", offer).execute()
				.path("scoreOffer.userErrors").entityList(Object.class).hasSize(0);
		}
		buyer.document("mutation($lot: ID!) { awardLot(input: { lotId: $lot }) { userErrors { code message } } }").variable("lot", lot).execute()
			.path("awardLot.userErrors").entityList(Object.class).hasSize(0);
		buyer.document("mutation($lot: ID!) { notifyAward(input: { lotId: $lot, electronic: true }) { lot { status } userErrors { code } } }")
			.variable("lot", lot).execute().path("notifyAward.lot.status").entity(String.class).isEqualTo("AWARDED");
	}

	private static GraphQlTester.Response sign(GraphQlTester buyer, String key, String lot, LocalDate notifiedOn) {
		return buyer.document(SIGN).variable("input", Map.of("idempotencyKey", key, "lotId", lot, "notifiedOn", notifiedOn.toString(),
				"durationMonths", 12, "priceForm", "LUMP_SUM")).execute();
	}

	private EntityExchangeResult<byte[]> download(String uri, String token) {
		EntityExchangeResult<byte[]> result = web.get().uri(uri).header("Authorization", "Bearer " + token).exchange()
			.expectStatus().isOk()
			.expectBody()
			.returnResult();
		byte[] body = result.getResponseBody();
		assertThat(HexFormat.of().formatHex(Sha256.newDigest().digest(body))).isEqualTo(result.getResponseHeaders().getFirst("X-Content-SHA256"));
		assertThat(new String(body, StandardCharsets.UTF_8)).startsWith("{");
		return result;
	}

	/** A validator of the test's own over the schema files of reference-data/, the OCDS release schema given by its canonical URL. */
	private static Schema validator(String file) throws Exception {
		var root = ReferenceDataFiles.root();
		String ocdsBase = "https://standard.open-contracting.org/schema/1__1__5/";
		SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7, builder -> builder
			.schemaLoader(loader -> loader.fetchRemoteResources(false))
			.schemas(Map.of(ocdsBase + "release-schema.json", read(root.resolve("ocds/release-schema.json")),
					ocdsBase + "release-package-schema.json", read(root.resolve("ocds/release-package-schema.json")))));
		return file.startsWith("ocds/") ? registry.getSchema(SchemaLocation.of(ocdsBase + file.substring("ocds/".length())))
				: registry.getSchema(read(root.resolve(file)));
	}

	private static String read(java.nio.file.Path file) {
		try {
			return Files.readString(file);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static List<String> auditedDigests(String tenant) throws Exception {
		try (Connection connection = TestServices.shared().superuserConnection();
				PreparedStatement sql = connection.prepareStatement("SELECT after_image->>'sha256' FROM audit_log WHERE tenant_id = ? "
						+ "AND action = 'tenders.open-data.exported'")) {
			sql.setString(1, tenant);
			try (ResultSet rows = sql.executeQuery()) {
				List<String> digests = new ArrayList<>();
				while (rows.next()) {
					digests.add(rows.getString(1));
				}
				return digests;
			}
		}
	}

}
