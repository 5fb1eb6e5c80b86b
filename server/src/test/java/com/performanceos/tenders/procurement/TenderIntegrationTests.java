package com.performanceos.tenders.procurement;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import com.performanceos.platform.security.Role;
import com.performanceos.tenders.TendersApi;
import com.performanceos.testsupport.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class TenderIntegrationTests extends IntegrationTest {

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private static final OffsetDateTime IN_TWO_MONTHS = OffsetDateTime.now(PARIS).plusMonths(2).withNano(0);

	@Test
	void registersOrganisationsBySiretWithTheirSiren() {
		var buyer = graphQl(newTenant("org"), Role.BUYER);
		TendersApi.register(buyer, "21690123100012", "COMMUNE").path("registerOrganisation.userErrors[0].code").entity(String.class)
			.isEqualTo("INVALID_SIRET")
			.path("registerOrganisation.userErrors[0].field").entityList(String.class).containsExactly("input", "siret");
		TendersApi.register(buyer, "21690123100011", "COMMUNE").path("registerOrganisation.organisation.siren").entity(String.class)
			.isEqualTo("216901231");
		buyer.document("{ organisation { siret kind } }").execute().path("organisation.siret").entity(String.class).isEqualTo("21690123100011");
		TendersApi.register(buyer, "73282932000074", "COMMUNE").path("registerOrganisation.userErrors[0].code").entity(String.class)
			.isEqualTo("ORGANISATION_ALREADY_REGISTERED");
		TendersApi.register(graphQl(newTenant("poste"), Role.VENDOR), "35600000049837", "COMPANY")
			.path("registerOrganisation.organisation.siren").entity(String.class).isEqualTo("356000000");
	}

	@Test
	void createsADraftWithCheckedCpvCodesAndCriteriaWeights() {
		var buyer = buyer(newTenant("draft"));
		Map<String, Object> input = TendersApi.tender("T-1", "WORKS", "MAPA", "150000.00", IN_TWO_MONTHS, true);
		var created = buyer.document(TendersApi.CREATE).variable("input", input).execute();
		created.path("createTender.tender.estimatedValue.amount").entity(String.class).isEqualTo("150000.00")
			.path("createTender.tender.cpvCodes[0].labelEn").entity(String.class).isEqualTo("Construction work")
			.path("createTender.tender.lots[0].status").entity(String.class).isEqualTo("DRAFT")
			.path("createTender.tender.lots[0].awardCriteria[*].weight").entityList(Integer.class).containsExactly(60, 40);

		Map<String, Object> unknownCpv = new HashMap<>(TendersApi.tender("T-2", "WORKS", "MAPA", "1000", IN_TWO_MONTHS, true));
		unknownCpv.put("cpvCodes", List.of("45000000-7", "45000000-8"));
		buyer.document(TendersApi.CREATE).variable("input", unknownCpv).execute()
			.path("createTender.userErrors[0].code").entity(String.class).isEqualTo("UNKNOWN_CPV_CODE")
			.path("createTender.userErrors[0].field").entityList(String.class).containsExactly("input", "cpvCodes", "1");

		Map<String, Object> badWeights = new HashMap<>(TendersApi.tender("T-3", "WORKS", "MAPA", "1000", IN_TWO_MONTHS, true));
		badWeights.put("lots", List.of(Map.of("title", "Lot", "estimatedValue", "1000", "priceScoringMethod", "LINEAR", "awardCriteria",
				List.of(Map.of("name", "Prix", "kind", "PRICE", "weight", 60), Map.of("name", "Technique", "kind", "TECHNICAL", "weight", 30)))));
		buyer.document(TendersApi.CREATE).variable("input", badWeights).execute()
			.path("createTender.userErrors[0].code").entity(String.class).isEqualTo("INVALID_CRITERIA_WEIGHTS");
	}

	@Test
	void theNoProcedureThresholdIsTheOneInForceOnThePublicationDate() {
		var buyer = buyer(newTenant("threshold"));
		String services = TendersApi.create(buyer, TendersApi.tender("S-50K", "SERVICES", "NONE", "50000", IN_TWO_MONTHS, true));
		report(buyer, services, "2026-04-02").path("complianceReport.compliant").entity(Boolean.class).isEqualTo(true);
		report(buyer, services, "2026-03-31").path("complianceReport.compliant").entity(Boolean.class).isEqualTo(false)
			.path("complianceReport.checks[?(@.rule == 'procurement.no-procedure-threshold')].passed").entityList(Boolean.class)
			.containsExactly(false)
			.path("complianceReport.checks[?(@.rule == 'procurement.no-procedure-threshold')].value").entityList(String.class)
			.containsExactly("40000")
			.path("complianceReport.checks[?(@.rule == 'procurement.no-procedure-threshold')].source").entityList(String.class)
			.satisfies(sources -> assertThat(sources.getFirst()).contains("2019-1344"));

		String works = TendersApi.create(buyer, TendersApi.tender("W-90K", "WORKS", "NONE", "90000", IN_TWO_MONTHS, true));
		report(buyer, works, "2026-01-01").path("complianceReport.compliant").entity(Boolean.class).isEqualTo(true);
		report(buyer, works, "2025-12-31").path("complianceReport.compliant").entity(Boolean.class).isEqualTo(false);
	}

	@Test
	void anOpenProcedureAboveTheEuThresholdNeedsThirtyFiveDaysOrThirtyElectronically() {
		var buyer = buyer(newTenant("timelimit"));
		LocalDate publication = LocalDate.now(PARIS).plusMonths(3);
		assertThat(compliantWithDeadline(buyer, "D34", publication, 34, false)).isFalse();
		assertThat(compliantWithDeadline(buyer, "D35", publication, 35, false)).isTrue();
		assertThat(compliantWithDeadline(buyer, "D30E", publication, 30, true)).isTrue();
		assertThat(compliantWithDeadline(buyer, "D30", publication, 30, false)).isFalse();
		assertThat(compliantWithDeadline(buyer, "D29E", publication, 29, true)).isFalse();
	}

	@Test
	void aMapaAboveTheEuThresholdIsNotCompliant() {
		var buyer = buyer(newTenant("eu"));
		String id = TendersApi.create(buyer, TendersApi.tender("BIG", "SERVICES", "MAPA", "216000", IN_TWO_MONTHS, true));
		report(buyer, id, "2026-06-01").path("complianceReport.checks[?(@.rule == 'procurement.eu-threshold')].passed")
			.entityList(Boolean.class).containsExactly(false);
		report(buyer, id, "2025-06-01").path("complianceReport.checks[?(@.rule == 'procurement.eu-threshold')].passed")
			.entityList(Boolean.class).containsExactly(true);
	}

	@Test
	void publicationNeedsAnotherValidatorAndRefusesWithTheRuleAndItsSource() {
		String tenant = newTenant("publish");
		var author = as("author", tenant, Role.BUYER, Role.VALIDATOR);
		TendersApi.register(author, "21690123100011", "COMMUNE");
		var validator = as("validator", tenant, Role.VALIDATOR);
		String tooBig = TendersApi.create(author, TendersApi.tender("NOPROC", "SERVICES", "NONE", "100000", IN_TWO_MONTHS, true));
		validator.document(TendersApi.PUBLISH).variable("id", tooBig).execute()
			.path("publishTender.tender").valueIsNull()
			.path("publishTender.userErrors[0].code").entity(String.class).isEqualTo("COMPLIANCE_VIOLATION")
			.path("publishTender.userErrors[0].message").entity(String.class)
			.satisfies(message -> assertThat(message).contains("procurement.no-procedure-threshold").contains("Décret n° 2025-1386"));

		String fine = TendersApi.create(author, TendersApi.tender("MAPA-1", "SERVICES", "MAPA", "100000", IN_TWO_MONTHS, true));
		author.document(TendersApi.PUBLISH).variable("id", fine).execute()
			.path("publishTender.userErrors[0].code").entity(String.class).isEqualTo("SEGREGATION_OF_DUTIES");
		validator.document(TendersApi.PUBLISH).variable("id", fine).execute()
			.path("publishTender.userErrors").entityList(Object.class).hasSize(0)
			.path("publishTender.tender.lots[0].status").entity(String.class).isEqualTo("PUBLISHED");
		validator.document(TendersApi.PUBLISH).variable("id", fine).execute()
			.path("publishTender.userErrors[0].code").entity(String.class).isEqualTo("INVALID_STATE");
	}

	@Test
	void vendorsSeePublishedTendersOnlyAndBuyersTheirOwn() {
		String tenant = newTenant("seen");
		var author = buyer(tenant);
		String draft = TendersApi.create(author, TendersApi.tender("DRAFT-1", "SUPPLIES", "MAPA", "20000", IN_TWO_MONTHS, true));
		String published = TendersApi.create(author, TendersApi.tender("PUB-1", "SUPPLIES", "MAPA", "20000", IN_TWO_MONTHS, true));
		as("validator", tenant, Role.VALIDATOR).document(TendersApi.PUBLISH).variable("id", published).execute()
			.path("publishTender.userErrors").entityList(Object.class).hasSize(0);

		var vendor = graphQl(newTenant("vendor"), Role.VENDOR);
		vendor.document("{ tenders(first: 100) { nodes { id } } }").execute().path("tenders.nodes[*].id").entityList(String.class)
			.contains(published).doesNotContain(draft);
		vendor.document("query($id: ID!) { node(id: $id) { id } }").variable("id", draft).execute().path("node").valueIsNull();
		vendor.document("query($id: ID!) { node(id: $id) { ... on Tender { reference lots { status } } } }").variable("id", published)
			.execute().path("node.reference").entity(String.class).isEqualTo("PUB-1");

		var otherBuyer = buyer(newTenant("other"));
		otherBuyer.document("{ tenders(first: 100) { totalCount } }").execute().path("tenders.totalCount").entity(Integer.class).isEqualTo(0);
		otherBuyer.document(TendersApi.COMPLIANCE).variable("id", draft).execute().path("complianceReport").valueIsNull();
	}

	@Test
	void anOrganisationIsSeenByItsOwnTenantOnly() {
		var buyer = graphQl(newTenant("own-org"), Role.BUYER);
		String id = TendersApi.register(buyer, "21690123100011", "COMMUNE").path("registerOrganisation.organisation.id").entity(String.class).get();
		buyer.document("query($id: ID!) { node(id: $id) { ... on Organisation { siret } } }").variable("id", id).execute()
			.path("node.siret").entity(String.class).isEqualTo("21690123100011");
		var vendor = graphQl(newTenant("other-org"), Role.VENDOR);
		vendor.document("query($id: ID!) { node(id: $id) { id } }").variable("id", id).execute().path("node").valueIsNull();
		vendor.document("{ organisation { id } }").execute().path("organisation").valueIsNull();
	}

	private boolean compliantWithDeadline(HttpGraphQlTester buyer, String reference, LocalDate publication, int days, boolean electronic) {
		OffsetDateTime deadline = publication.plusDays(days).atTime(LocalTime.NOON).atZone(PARIS).toOffsetDateTime();
		String id = TendersApi.create(buyer, TendersApi.tender(reference, "SERVICES", "OPEN", "300000", deadline, electronic));
		return report(buyer, id, publication.toString()).path("complianceReport.compliant").entity(Boolean.class).get();
	}

	private static org.springframework.graphql.test.tester.GraphQlTester.Response report(HttpGraphQlTester buyer, String id, String date) {
		return buyer.document(TendersApi.COMPLIANCE).variable("id", id).variable("date", date).execute();
	}

	private HttpGraphQlTester buyer(String tenant) {
		var buyer = graphQl(tenant, Role.BUYER);
		TendersApi.register(buyer, "21690123100011", "COMMUNE").path("registerOrganisation.userErrors").entityList(Object.class).hasSize(0);
		return buyer;
	}

	private HttpGraphQlTester as(String subject, String tenant, Role... roles) {
		return HttpGraphQlTester.builder(web.mutate().baseUrl("http://127.0.0.1:" + port + "/graphql"))
			.header("Authorization", "Bearer " + tokens.token(subject, tenant, roles))
			.responseTimeout(java.time.Duration.ofSeconds(60))
			.build();
	}

}
