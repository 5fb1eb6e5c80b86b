package com.performanceos.tenders;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.performanceos.platform.security.Role;
import com.performanceos.testsupport.TestTokens;

/** A contract signed today on a one-lot tender with one bid: what the contract amendment tests start from. */
public final class ContractFixture {

	private ContractFixture() {
	}

	/** A signed contract: its global id, and the buyer (role BUYER) that signed it. */
	public record Signed(String contractId, GraphQlTester buyer, TenderScenario scenario) {
	}

	/** Publishes, bids {@code amount}, awards, notifies and signs a 12-month lump-sum contract notified today. */
	public static Signed sign(WebTestClient web, TestTokens tokens, int port, String buyerTenant, String reference, String amount,
			String vendorSiret) throws InterruptedException {
		var scenario = TenderScenario.publish(web, tokens, port, buyerTenant, reference, "MAPA", Duration.ofSeconds(12),
				List.of(TenderScenario.lot("Entretien des bâtiments", "95000", "LOWEST_PRICE_RATIO")));
		String lot = scenario.lotIds.getFirst();
		var vendor = scenario.vendor(buyerTenant + "-vendor", vendorSiret, true);
		TenderScenario.bid(vendor, "bid", lot, amount, List.of()).path("submitBid.userErrors").entityList(Object.class).hasSize(0);
		scenario.awaitDeadline();
		var buyer = scenario.buyer("buyer", Role.BUYER);
		awardAndNotify(buyer, lot);
		String contract = buyer.document("""
				mutation($input: SignContractInput!) { signContract(input: $input) { contract { id } userErrors { code message } } }""")
			.variable("input", Map.of("idempotencyKey", "sign", "lotId", lot, "notifiedOn", LocalDate.now(ZoneId.of("Europe/Paris")).toString(),
					"durationMonths", 12, "priceForm", "LUMP_SUM"))
			.execute()
			.path("signContract.userErrors").entityList(Object.class).hasSize(0)
			.path("signContract.contract.id").entity(String.class).get();
		return new Signed(contract, buyer, scenario);
	}

	/** Opens, scores, awards and notifies the lot's best offer (electronic notification). */
	public static void awardAndNotify(GraphQlTester buyer, String lot) {
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

}
