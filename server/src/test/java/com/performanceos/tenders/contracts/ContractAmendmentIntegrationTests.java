package com.performanceos.tenders.contracts;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.performanceos.platform.security.Role;
import com.performanceos.tenders.ContractFixture;
import com.performanceos.tenders.OpenDataSchemaValidator;
import com.performanceos.testsupport.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Amendments of a signed contract through GraphQL: new amount, duration and holders with their DECP dates, refused
 * with typed errors when they break the rules (before the signature, a rise above the limit in force), audited, and
 * published in DECP "modifications" and OCDS contract amendments that validate against the shipped schemas.
 */
class ContractAmendmentIntegrationTests extends IntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String AMEND = """
			mutation($input: AmendContractInput!) { amendContract(input: $input) {
			  amendment { sequence notifiedOn publishedOn amount { amount currency } durationMonths holderSirets reason }
			  contract { id amount { amount } currentAmount { amount } currentDurationMonths currentHolderSirets amendments { sequence } }
			  userErrors { code message field } } }""";

	private static final String HOLDER = "73282932000074";

	private static final String CO_HOLDER = "44306184100047";

	private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Paris"));

	@Test
	void amendmentsChangeAmountDurationAndHoldersWithinTheLimitAndAreAuditedAndPublished() throws Exception {
		String tenant = newTenant("amend");
		var signed = ContractFixture.sign(web, tokens, port, tenant, "MAPA-AV-01", "80000", HOLDER);
		GraphQlTester buyer = signed.buyer();
		String contract = signed.contractId();

		amend(buyer, "first", contract, TODAY, TODAY.plusDays(2), "100000", 18, null)
			.path("amendContract.userErrors").entityList(Object.class).hasSize(0)
			.path("amendContract.amendment.sequence").entity(Integer.class).isEqualTo(1)
			.path("amendContract.amendment.amount.amount").entity(String.class).isEqualTo("100000.00")
			.path("amendContract.amendment.holderSirets").entityList(String.class).hasSize(0)
			.path("amendContract.contract.amount.amount").entity(String.class).isEqualTo("80000.00")
			.path("amendContract.contract.currentAmount.amount").entity(String.class).isEqualTo("100000.00")
			.path("amendContract.contract.currentDurationMonths").entity(Integer.class).isEqualTo(18);
		// 50 % of the initial 80,000 per amendment: from 100,000, 140,000 is the most one amendment may reach.
		amend(buyer, "too-much", contract, TODAY, TODAY, "140000.01", null, null)
			.path("amendContract.contract").valueIsNull()
			.path("amendContract.userErrors[0].code").entity(String.class).isEqualTo("AMENDMENT_LIMIT_EXCEEDED")
			.path("amendContract.userErrors[0].field").entityList(String.class).containsExactly("input", "amount")
			.path("amendContract.userErrors[0].message").entity(String.class).satisfies(message -> assertThat(message).contains("40000.00 EUR")
				.contains("R2194-3"));
		amend(buyer, "second", contract, TODAY, TODAY, "140000", null, List.of(HOLDER, CO_HOLDER))
			.path("amendContract.userErrors").entityList(Object.class).hasSize(0)
			.path("amendContract.amendment.sequence").entity(Integer.class).isEqualTo(2)
			.path("amendContract.contract.currentAmount.amount").entity(String.class).isEqualTo("140000.00")
			.path("amendContract.contract.currentDurationMonths").entity(Integer.class).isEqualTo(18)
			.path("amendContract.contract.currentHolderSirets").entityList(String.class).containsExactly(HOLDER, CO_HOLDER);
		// Replaying a key answers the original amendment; the same key with another input is a conflict.
		amend(buyer, "first", contract, TODAY, TODAY.plusDays(2), "100000", 18, null).path("amendContract.amendment.sequence")
			.entity(Integer.class).isEqualTo(1);
		amend(buyer, "first", contract, TODAY, TODAY.plusDays(2), "100001", 18, null).path("amendContract.userErrors[0].code")
			.entity(String.class).isEqualTo("IDEMPOTENCY_CONFLICT");

		signed.scenario().buyer("auditor", Role.AUDITOR)
			.document("{ auditLog(first: 10, action: \"tenders.contract.amended\") { nodes { actor targetId before after } } }").execute()
			.path("auditLog.nodes[*].targetId").entityList(String.class).containsExactly(contract, contract)
			.path("auditLog.nodes[0].before.amount").entity(String.class).isEqualTo("80000.00")
			.path("auditLog.nodes[0].after.amount").entity(String.class).isEqualTo("100000.00")
			.path("auditLog.nodes[1].after.holderSirets").entityList(String.class).containsExactly(HOLDER, CO_HOLDER);

		String token = tokens.token("buyer", tenant, Role.BUYER);
		JsonNode decp = download("/exports/tenders/decp.json", token);
		assertThat(OpenDataSchemaValidator.decp().validate(decp)).isEmpty();
		JsonNode modifications = decp.get("marches").get("marche").get(0).get("modifications");
		assertThat(modifications).hasSize(2);
		JsonNode first = modifications.get(0).get("modification");
		assertThat(first.get("id").asInt()).isEqualTo(1);
		assertThat(first.get("montant").decimalValue()).isEqualByComparingTo("100000");
		assertThat(first.get("dureeMois").asInt()).isEqualTo(18);
		assertThat(first.get("dateNotificationModification").asString()).isEqualTo(TODAY.toString());
		assertThat(first.get("datePublicationDonneesModification").asString()).isEqualTo(TODAY.plusDays(2).toString());
		assertThat(first.has("titulaires")).isFalse();
		JsonNode second = modifications.get(1).get("modification");
		assertThat(second.get("titulaires").findValuesAsString("id")).containsExactly(HOLDER, CO_HOLDER);
		assertThat(second.has("dureeMois")).isFalse();
		// The signed facts stay as signed; the modifications carry the changes.
		assertThat(decp.get("marches").get("marche").get(0).get("montant").decimalValue()).isEqualByComparingTo("80000");

		JsonNode ocds = download("/exports/tenders/ocds.json", token);
		assertThat(OpenDataSchemaValidator.ocdsReleasePackage().validate(ocds)).isEmpty();
		JsonNode signedContract = ocds.get("releases").get(0).get("contracts").get(0);
		assertThat(signedContract.get("value").get("amount").decimalValue()).isEqualByComparingTo("140000");
		assertThat(signedContract.get("amendments").findValuesAsString("id")).containsExactly("1", "2");
		assertThat(signedContract.get("amendments").get(0).get("rationale").asString()).isEqualTo("Travaux supplémentaires");
		assertThat(signedContract.get("period").get("endDate").asString()).startsWith(TODAY.plusMonths(18).toString());
	}

	@Test
	void anAmendmentBreakingTheRulesIsRefusedWithTypedErrorsAndAnotherBuyerCannotAmend() throws Exception {
		String tenant = newTenant("amend-bad");
		var signed = ContractFixture.sign(web, tokens, port, tenant, "MAPA-AV-02", "80000", HOLDER);
		GraphQlTester buyer = signed.buyer();
		String contract = signed.contractId();

		firstError(amend(buyer, "before", contract, TODAY.minusDays(1), TODAY, "81000", null, null), "INVALID_INPUT", "notifiedOn");
		firstError(amend(buyer, "future", contract, TODAY.plusDays(1), TODAY.plusDays(1), "81000", null, null), "INVALID_INPUT", "notifiedOn");
		firstError(amend(buyer, "published", contract, TODAY, TODAY.minusDays(1), "81000", null, null), "INVALID_INPUT", "publishedOn");
		firstError(amend(buyer, "nothing", contract, TODAY, TODAY, null, null, null), "INVALID_INPUT", "amount");
		firstError(amend(buyer, "siret", contract, TODAY, TODAY, null, null, List.of("73282932000075")), "INVALID_SIRET", "holderSirets");
		firstError(amend(buyer, "duration", contract, TODAY, TODAY, null, 601, null), "INVALID_INPUT", "durationMonths");
		firstError(amend(buyer, "above", contract, TODAY, TODAY, "120000.01", null, null), "AMENDMENT_LIMIT_EXCEEDED", "amount");
		// A lower price is no rise: no limit applies.
		amend(buyer, "lower", contract, TODAY, TODAY, "75000", null, null).path("amendContract.userErrors").entityList(Object.class).hasSize(0);

		var stranger = graphQl(newTenant("amend-stranger"), Role.BUYER);
		firstError(amend(stranger, "steal", contract, TODAY, TODAY, "76000", null, null), "NOT_FOUND", "contractId");
		amend(graphQl(tenant, Role.VENDOR), "vendor", contract, TODAY, TODAY, "76000", null, null).errors()
			.satisfy(errors -> assertThat(errors).extracting(error -> error.getExtensions().get("code")).contains("FORBIDDEN"));
		buyer.document("query($id: ID!) { node(id: $id) { ... on Contract { currentAmount { amount } amendments { sequence reason } } } }")
			.variable("id", contract).execute()
			.path("node.currentAmount.amount").entity(String.class).isEqualTo("75000.00")
			.path("node.amendments[*].sequence").entityList(Integer.class).containsExactly(1);
	}

	private static GraphQlTester.Response amend(GraphQlTester buyer, String key, String contract, LocalDate notifiedOn, LocalDate publishedOn,
			@Nullable String amount, @Nullable Integer durationMonths, @Nullable List<String> holders) {
		Map<String, Object> input = new HashMap<>(Map.of("idempotencyKey", key, "contractId", contract, "notifiedOn", notifiedOn.toString(),
				"publishedOn", publishedOn.toString(), "reason", "Travaux supplémentaires"));
		if (amount != null) {
			input.put("amount", amount);
		}
		if (durationMonths != null) {
			input.put("durationMonths", durationMonths);
		}
		if (holders != null) {
			input.put("holderSirets", holders);
		}
		return buyer.document(AMEND).variable("input", input).execute();
	}

	private static void firstError(GraphQlTester.Response response, String code, String field) {
		response.path("amendContract.contract").valueIsNull()
			.path("amendContract.userErrors[0].code").entity(String.class).isEqualTo(code)
			.path("amendContract.userErrors[0].field").entityList(String.class).containsExactly("input", field);
	}

	private JsonNode download(String uri, String token) {
		byte[] body = web.get().uri(uri).header("Authorization", "Bearer " + token).exchange().expectStatus().isOk().expectBody().returnResult()
			.getResponseBody();
		return JSON.readTree(body);
	}

}
