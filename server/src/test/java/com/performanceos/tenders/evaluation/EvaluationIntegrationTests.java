package com.performanceos.tenders.evaluation;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

import com.performanceos.platform.security.Role;
import com.performanceos.tenders.TenderScenario;
import com.performanceos.testsupport.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class EvaluationIntegrationTests extends IntegrationTest {

	private static final String OFFERS = """
			query($lot: ID!) { node(id: $lot) { ... on Lot { status offers { id vendorSiret amount { amount } totalScore rank
			  scores { kind points } abnormallyLow abnormallyLowStatus awardStatus } } } }""";

	private static final String SCORE = """
			mutation($offer: ID!, $points: Decimal!) { scoreOffer(input: { offerId: $offer, criterionPosition: 2, points: $points,
			  justification: "Mémoire technique détaillé" }) { offer { totalScore } userErrors { code } } }""";

	@Test
	void pricesAreScoredByTheDajRatioRankedAndAwardedWithACascadeAndAnElevenDayStandstill() throws Exception {
		var scenario = TenderScenario.publish(web, tokens, port, newTenant("daj"), Duration.ofSeconds(25),
				List.of(TenderScenario.lot("Lot 1", "110000", "LOWEST_PRICE_RATIO"), TenderScenario.lot("Lot 2", "60000", "LINEAR")));
		String lot1 = scenario.lotIds.get(0);
		String lot2 = scenario.lotIds.get(1);
		var a = scenario.vendor(newTenant("a"), "73282932000074", true);
		var b = scenario.vendor(newTenant("b"), "44306184100047", false);
		var c = scenario.vendor(newTenant("c"), "21750001600019", false);
		TenderScenario.bid(a, "a1", lot1, "100000", List.of());
		TenderScenario.bid(b, "b1", lot1, "120000", List.of());
		TenderScenario.bid(c, "c1", lot1, "80000", List.of());
		TenderScenario.bid(a, "a2", lot2, "50000", List.of());
		TenderScenario.bid(b, "b2", lot2, "60000", List.of());
		scenario.awaitDeadline();

		var buyer = scenario.buyer("buyer", Role.BUYER);
		buyer.document("mutation($lot: ID!) { openBids(input: { lotId: $lot }) { userErrors { code } } }").variable("lot", lot1).execute()
			.path("openBids.userErrors").entityList(Object.class).hasSize(0);
		Map<String, String> offers = offerIds(buyer, lot1);
		// Scoring needs the declaration of no conflict of interest first.
		buyer.document(SCORE).variable("offer", offers.get("73282932000074")).variable("points", "35").execute()
			.path("scoreOffer.userErrors[0].code").entity(String.class).isEqualTo("SEGREGATION_OF_DUTIES");
		declare(buyer, lot1);
		score(buyer, offers.get("73282932000074"), "35");
		score(buyer, offers.get("44306184100047"), "40");
		score(buyer, offers.get("21750001600019"), "25");

		// Hand-computed: price 60 × 80,000 / price → A 48, B 40, C 60; totals A 83, B 80, C 85.
		var ranked = buyer.document(OFFERS).variable("lot", lot1).execute();
		ranked.path("node.offers[*].vendorSiret").entityList(String.class).containsExactly("21750001600019", "73282932000074", "44306184100047")
			.path("node.offers[*].totalScore").entityList(String.class).containsExactly("85.00", "83.00", "80.00")
			.path("node.offers[*].rank").entityList(Integer.class).containsExactly(1, 2, 3)
			.path("node.offers[0].scores[0].points").entity(String.class).isEqualTo("60.00")
			.path("node.offers[1].scores[0].points").entity(String.class).isEqualTo("48.00")
			.path("node.offers[2].scores[0].points").entity(String.class).isEqualTo("40.00");
		// C at 80,000 is under 80 % of the mean of the others (88,000): its justification is requested, it is not rejected.
		ranked.path("node.offers[0].abnormallyLow").entity(Boolean.class).isEqualTo(true)
			.path("node.offers[0].abnormallyLowStatus").entity(String.class).isEqualTo("JUSTIFICATION_REQUESTED")
			.path("node.offers[1].abnormallyLowStatus").entity(String.class).isEqualTo("NONE");
		award(buyer, lot1).path("awardLot.userErrors[0].code").entity(String.class).isEqualTo("ABNORMALLY_LOW_UNDECIDED");
		buyer.document("mutation($offer: ID!) { decideAbnormallyLowOffer(input: { offerId: $offer, accept: true, "
				+ "reason: \"Prix justifié par un procédé breveté\" }) { offer { abnormallyLowStatus } userErrors { code } } }")
			.variable("offer", offers.get("21750001600019")).execute()
			.path("decideAbnormallyLowOffer.offer.abnormallyLowStatus").entity(String.class).isEqualTo("ACCEPTED");

		award(buyer, lot1).path("awardLot.offers[0].awardStatus").entity(String.class).isEqualTo("PENDING");
		// The awardee fails to produce its certificates: the next-ranked offer becomes pending.
		buyer.document("mutation($offer: ID!) { recordAwardeeFailure(input: { offerId: $offer, reason: \"Attestations fiscales manquantes\" }) "
				+ "{ offer { awardStatus } userErrors { code } } }").variable("offer", offers.get("21750001600019")).execute()
			.path("recordAwardeeFailure.offer.awardStatus").entity(String.class).isEqualTo("FAILED");
		buyer.document(OFFERS).variable("lot", lot1).execute().path("node.offers[*].awardStatus").entityList(String.class)
			.containsExactly("FAILED", "PENDING", "NONE");

		LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
		notify(buyer, lot1, true).path("notifyAward.lot.status").entity(String.class).isEqualTo("AWARDED");
		buyer.document("query($lot: ID!) { node(id: $lot) { ... on Lot { award { offer { vendorSiret } notifiedOn standstillDays "
				+ "standstillEndsOn letters { vendorSiret awarded text } } } } }").variable("lot", lot1).execute()
			.path("node.award.offer.vendorSiret").entity(String.class).isEqualTo("73282932000074")
			.path("node.award.standstillDays").entity(Integer.class).isEqualTo(11)
			.path("node.award.standstillEndsOn").entity(String.class).isEqualTo(today.plusDays(11).toString())
			.path("node.award.letters[*].awarded").entityList(Boolean.class).containsExactly(false, true, false)
			.path("node.award.letters[2].text").entity(String.class)
			.satisfies(text -> assertThat(text).contains("ranked 3 with 80.00 points").contains("scored 83.00"));

		// Lot 2, linear: A 50,000 gets 60, B 60,000 gets 0; notified on paper: 16 days.
		buyer.document("mutation($lot: ID!) { openBids(input: { lotId: $lot }) { userErrors { code } } }").variable("lot", lot2).execute();
		Map<String, String> second = offerIds(buyer, lot2);
		declare(buyer, lot2);
		score(buyer, second.get("73282932000074"), "10");
		score(buyer, second.get("44306184100047"), "40");
		buyer.document(OFFERS).variable("lot", lot2).execute().path("node.offers[*].totalScore").entityList(String.class)
			.containsExactly("70.00", "40.00");
		award(buyer, lot2).path("awardLot.userErrors").entityList(Object.class).hasSize(0);
		notify(buyer, lot2, false).path("notifyAward.userErrors").entityList(Object.class).hasSize(0);
		buyer.document("query($lot: ID!) { node(id: $lot) { ... on Lot { award { standstillDays standstillEndsOn } } } }").variable("lot", lot2)
			.execute().path("node.award.standstillEndsOn").entity(String.class).isEqualTo(today.plusDays(16).toString());

		// Another buyer sees nothing of these offers.
		var stranger = graphQl(newTenant("stranger"), Role.BUYER);
		stranger.document("query($id: ID!) { node(id: $id) { id } }").variable("id", offers.get("73282932000074")).execute().path("node").valueIsNull();
		stranger.document(OFFERS).variable("lot", lot1).execute().path("node.offers").entityList(Object.class).hasSize(0);
	}

	private static Map<String, String> offerIds(GraphQlTester buyer, String lot) {
		var response = buyer.document(OFFERS).variable("lot", lot).execute();
		List<String> sirets = response.path("node.offers[*].vendorSiret").entityList(String.class).get();
		List<String> ids = response.path("node.offers[*].id").entityList(String.class).get();
		Map<String, String> bySiret = new java.util.HashMap<>();
		for (int i = 0; i < ids.size(); i++) {
			bySiret.put(sirets.get(i), ids.get(i));
		}
		return bySiret;
	}

	private static void declare(GraphQlTester buyer, String lot) {
		buyer.document("mutation($lot: ID!) { declareNoConflictOfInterest(input: { lotId: $lot }) { userErrors { code } } }")
			.variable("lot", lot).execute().path("declareNoConflictOfInterest.userErrors").entityList(Object.class).hasSize(0);
	}

	private static void score(GraphQlTester buyer, String offer, String points) {
		buyer.document(SCORE).variable("offer", offer).variable("points", points).execute()
			.path("scoreOffer.userErrors").entityList(Object.class).hasSize(0);
	}

	private static GraphQlTester.Response award(GraphQlTester buyer, String lot) {
		return buyer.document("mutation($lot: ID!) { awardLot(input: { lotId: $lot }) { offers { awardStatus } userErrors { code } } }")
			.variable("lot", lot).execute();
	}

	private static GraphQlTester.Response notify(GraphQlTester buyer, String lot, boolean electronic) {
		return buyer.document("mutation($lot: ID!, $electronic: Boolean!) { notifyAward(input: { lotId: $lot, electronic: $electronic }) "
				+ "{ lot { status } userErrors { code } } }").variable("lot", lot).variable("electronic", electronic).execute();
	}

}
