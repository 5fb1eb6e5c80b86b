package com.performanceos.tenders;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.springframework.graphql.test.tester.GraphQlTester;

/** GraphQL calls the tenders integration tests share: register, draft, publish. */
public final class TendersApi {

	public static final String REGISTER = """
			mutation($input: RegisterOrganisationInput!) { registerOrganisation(input: $input) {
			  organisation { id siret siren name kind sme } userErrors { code message field } } }""";

	public static final String CREATE = """
			mutation($input: CreateTenderInput!) { createTender(input: $input) {
			  tender { id reference estimatedValue { amount currency } cpvCodes { code labelFr labelEn } publishedAt
			    lots { id number status awardCriteria { position name kind weight } } }
			  userErrors { code message field } } }""";

	public static final String PUBLISH = """
			mutation($id: ID!) { publishTender(input: { tenderId: $id }) {
			  tender { id publishedAt lots { status } } userErrors { code message field } } }""";

	public static final String COMPLIANCE = """
			query($id: ID!, $date: Date) { complianceReport(tenderId: $id, publicationDate: $date) {
			  publicationDate compliant checks { rule passed explanation value source } } }""";

	private TendersApi() {
	}

	public static GraphQlTester.Response register(GraphQlTester tester, String siret, String kind) {
		return tester.document(REGISTER).variable("input", Map.of("siret", siret, "name", "Organisation " + siret, "kind", kind)).execute();
	}

	/** A one-lot tender: price 60 and technical value 40, by the DAJ's usual price formula. */
	public static Map<String, Object> tender(String reference, String nature, String procedure, String value, OffsetDateTime deadline,
			boolean electronic) {
		return Map.ofEntries(Map.entry("idempotencyKey", "create-" + reference), Map.entry("reference", reference),
				Map.entry("title", "Travaux " + reference), Map.entry("description", "Rénovation de l'école"), Map.entry("nature", nature),
				Map.entry("procedure", procedure), Map.entry("cpvCodes", List.of("45000000-7")), Map.entry("department", "69"),
				Map.entry("electronicSubmission", electronic), Map.entry("submissionDeadline", deadline.toString()),
				Map.entry("lots", List.of(lot("Lot unique", value, "LOWEST_PRICE_RATIO"))));
	}

	public static Map<String, Object> lot(String title, String value, String method) {
		return Map.of("title", title, "estimatedValue", value, "priceScoringMethod", method, "selectionCriteria",
				List.of("Chiffre d'affaires annuel"), "awardCriteria", List.of(Map.of("name", "Prix", "kind", "PRICE", "weight", 60),
						Map.of("name", "Valeur technique", "kind", "TECHNICAL", "weight", 40)));
	}

	public static String create(GraphQlTester tester, Map<String, Object> input) {
		return tester.document(CREATE).variable("input", input).execute()
			.path("createTender.userErrors").entityList(Object.class).hasSize(0)
			.path("createTender.tender.id").entity(String.class).get();
	}

}
