package com.performanceos.tenders.bids;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import com.performanceos.platform.digest.Sha256;
import com.performanceos.platform.security.Role;
import com.performanceos.tenders.TenderScenario;
import com.performanceos.testsupport.IntegrationTest;
import com.performanceos.testsupport.TestServices;

import static org.assertj.core.api.Assertions.assertThat;

class SealedBidIntegrationTests extends IntegrationTest {

	private static final String AMOUNT = "87654.32";

	private static final String DOCUMENT_SHA256 = "9f2c4e1d7a3b5c6d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d";

	/** Every buyer-side read a buyer's tenant can make about the tender, its lots, bids, offers and audit. */
	private static final List<String> BUYER_READS = List.of(
			"query($id: ID!) { node(id: $id) { ... on Tender { reference lots { id status offers { id amount { amount } documents { sha256 } "
					+ "rank totalScore } award { offer { id } letters { text } } } } } }",
			"{ tenders(first: 100) { totalCount nodes { id lots { status offers { id amount { amount } } } } } }",
			"query($lot: ID!) { node(id: $lot) { ... on Lot { status offers { id vendorName amount { amount } receiptSha256 } } } }",
			"query($bid: ID!) { node(id: $bid) { id ... on Bid { amount { amount } documents { sha256 } receipt { sha256 } } } }",
			"query($bid: ID!) { nodes(ids: [$bid]) { id ... on Bid { amount { amount } } } }",
			"{ myBids(first: 100) { totalCount nodes { amount { amount } } } }",
			"{ auditLog(first: 100) { totalCount nodes { action targetType targetId before after } } }",
			"query($lot: ID!) { complianceReport(tenderId: $lot) { compliant } }",
			"mutation($lot: ID!) { openBids(input: { lotId: $lot }) { offers { id amount { amount } } userErrors { code message } } }");

	@Test
	void nobodyOnTheBuyerSideReadsABidBeforeTheDeadlineAndTheBuyerDoesAfterOpening() throws Exception {
		var scenario = TenderScenario.publish(web, tokens, port, newTenant("sealed"), Duration.ofSeconds(60),
				List.of(TenderScenario.lot("Nettoyage", "100000", "LOWEST_PRICE_RATIO")));
		String lot = scenario.lotIds.getFirst();
		String vendorTenant = newTenant("vendor-a");
		var vendor = scenario.vendor(vendorTenant, "73282932000074", true);
		String bid = TenderScenario.bid(vendor, "bid-1", lot, AMOUNT, List.of(Map.of("name", "memoire.pdf", "sha256", DOCUMENT_SHA256)))
			.path("submitBid.userErrors").entityList(Object.class).hasSize(0)
			.path("submitBid.bid.id").entity(String.class).get();

		String sealed = post(tokens.token("opener", scenario.buyerTenant, Role.BUYER),
				"mutation($lot: ID!) { openBids(input: { lotId: $lot }) { userErrors { code } } }", Map.of("lot", lot));
		assertThat(sealed).contains("BIDS_SEALED");
		// A database session of the buyer's tenant under the application role counts no bid at all.
		assertThat(countBids(scenario.buyerTenant)).isZero();
		assertThat(countBids(vendorTenant)).isEqualTo(1);
		// Another vendor sees nothing of it either.
		var rival = scenario.vendor(newTenant("vendor-b"), "44306184100047", false);
		rival.document("query($bid: ID!) { node(id: $bid) { id } }").variable("bid", bid).execute().path("node").valueIsNull();
		rival.document("{ myBids(first: 10) { totalCount } }").execute().path("myBids.totalCount").entity(Integer.class).isEqualTo(0);

		for (Role role : List.of(Role.BUYER, Role.VALIDATOR, Role.ADMIN, Role.AUDITOR)) {
			String token = tokens.token("reader-" + role, scenario.buyerTenant, role);
			for (String query : BUYER_READS) {
				String body = post(token, query, Map.of("id", scenario.tenderId, "lot", lot, "bid", bid));
				assertThat(body).as(role + " reading " + query).doesNotContain(AMOUNT).doesNotContain(DOCUMENT_SHA256)
					.doesNotContain("memoire.pdf").doesNotContain("\"offers\":[{");
			}
			String export = web.get().uri("/exports/audit-log.json").header("Authorization", "Bearer " + token).exchange()
				.expectBody(String.class).returnResult().getResponseBody();
			assertThat(String.valueOf(export)).doesNotContain(AMOUNT).doesNotContain(vendorTenant);
		}
		// The reads above prove something only if they all happened before the deadline.
		assertThat(java.time.OffsetDateTime.now()).as("still before the deadline (a loaded machine may need a longer one)")
			.isBefore(scenario.deadline);
		scenario.awaitDeadline();
		assertThat(countBids(scenario.buyerTenant)).isEqualTo(1);
		var buyer = scenario.buyer("opener", Role.BUYER);
		buyer.document("mutation($lot: ID!) { openBids(input: { lotId: $lot }) { lot { status } offers { amount { amount } documents { name sha256 } "
				+ "vendorSiret receiptSha256 } userErrors { code } } }").variable("lot", lot).execute()
			.path("openBids.userErrors").entityList(Object.class).hasSize(0)
			.path("openBids.lot.status").entity(String.class).isEqualTo("EVALUATION")
			.path("openBids.offers[0].amount.amount").entity(String.class).isEqualTo(AMOUNT)
			.path("openBids.offers[0].documents[0].sha256").entity(String.class).isEqualTo(DOCUMENT_SHA256)
			.path("openBids.offers[0].vendorSiret").entity(String.class).isEqualTo("73282932000074");
		scenario.buyer("auditor", Role.AUDITOR).document("{ auditLog(first: 20, action: \"tenders.bids.opened\") { nodes { actor after } } }")
			.execute().path("auditLog.nodes[0].actor").entity(String.class).isEqualTo("opener");
	}

	@Test
	void aVendorReplacesAndWithdrawsBeforeTheDeadlineAndItsReceiptDigestMatches() throws Exception {
		var scenario = TenderScenario.publish(web, tokens, port, newTenant("replace"), Duration.ofSeconds(15),
				List.of(TenderScenario.lot("Lot 1", "50000", "LINEAR")));
		String lot = scenario.lotIds.getFirst();
		var vendor = scenario.vendor(newTenant("vendor-r"), "73282932000074", false);
		var first = TenderScenario.bid(vendor, "first", lot, "45000", List.of());
		String bid = first.path("submitBid.bid.id").entity(String.class).get();
		String content = first.path("submitBid.bid.receipt.content").entity(String.class).get();
		first.path("submitBid.bid.receipt.sha256").entity(String.class).isEqualTo(Sha256.hex(content));
		assertThat(content).contains("amount: 45000 EUR").contains("bid: ");

		var replaced = TenderScenario.bid(vendor, "second", lot, "44000.50", List.of());
		replaced.path("submitBid.bid.id").entity(String.class).isEqualTo(bid)
			.path("submitBid.bid.version").entity(Integer.class).isEqualTo(2)
			.path("submitBid.bid.amount.amount").entity(String.class).isEqualTo("44000.50");
		String replacedContent = replaced.path("submitBid.bid.receipt.content").entity(String.class).get();
		replaced.path("submitBid.bid.receipt.sha256").entity(String.class).isEqualTo(Sha256.hex(replacedContent));
		// Replaying a key answers the original result, whatever happened since.
		TenderScenario.bid(vendor, "first", lot, "45000", List.of()).path("submitBid.bid.id").entity(String.class).isEqualTo(bid);

		vendor.document("mutation($id: ID!) { withdrawBid(input: { bidId: $id }) { bid { status amount { amount } receipt { sha256 } } "
				+ "userErrors { code } } }").variable("id", bid).execute()
			.path("withdrawBid.bid.status").entity(String.class).isEqualTo("WITHDRAWN")
			.path("withdrawBid.bid.amount").valueIsNull();
		TenderScenario.bid(vendor, "third", lot, "43000", List.of()).path("submitBid.bid.version").entity(Integer.class).isEqualTo(3)
			.path("submitBid.bid.status").entity(String.class).isEqualTo("SUBMITTED");

		scenario.awaitDeadline();
		TenderScenario.bid(vendor, "late", lot, "42000", List.of()).path("submitBid.bid").valueIsNull()
			.path("submitBid.userErrors[0].code").entity(String.class).isEqualTo("BID_AFTER_DEADLINE");
		vendor.document("mutation($id: ID!) { withdrawBid(input: { bidId: $id }) { userErrors { code } } }").variable("id", bid).execute()
			.path("withdrawBid.userErrors[0].code").entity(String.class).isEqualTo("BID_AFTER_DEADLINE");
		vendor.document("query($id: ID!) { node(id: $id) { ... on Bid { amount { amount } lot { status } } } }").variable("id", bid).execute()
			.path("node.amount.amount").entity(String.class).isEqualTo("43000")
			.path("node.lot.status").entity(String.class).isEqualTo("CLOSED");
		var opened = scenario.buyer("opener", Role.VALIDATOR).document("mutation($lot: ID!) { openBids(input: { lotId: $lot }) { "
				+ "offers { amount { amount } receiptSha256 } } }").variable("lot", lot).execute();
		opened.path("openBids.offers[*].amount.amount").entityList(String.class).containsExactly("43000.00");
	}

	@Test
	void aBuyerCannotBidAndAnUnregisteredVendorIsToldToRegister() {
		var scenario = TenderScenario.publish(web, tokens, port, newTenant("who"), Duration.ofMinutes(5),
				List.of(TenderScenario.lot("Lot 1", "50000", "LINEAR")));
		var unregistered = graphQl(newTenant("anonymous"), Role.VENDOR);
		TenderScenario.bid(unregistered, "k", scenario.lotIds.getFirst(), "1000", List.of())
			.path("submitBid.userErrors[0].code").entity(String.class).isEqualTo("ORGANISATION_REQUIRED");
		var vendor = scenario.vendor(newTenant("v"), "73282932000074", false);
		TenderScenario.bid(vendor, "k", scenario.tenderId, "1000", List.of())
			.path("submitBid.userErrors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
	}

	private String post(String token, String query, Map<String, Object> variables) {
		Map<String, Object> used = new java.util.HashMap<>();
		variables.forEach((name, value) -> {
			if (query.contains("$" + name)) {
				used.put(name, value);
			}
		});
		return String.valueOf(web.post().uri("/graphql").header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", query, "variables", used)).exchange().expectBody(String.class).returnResult().getResponseBody());
	}

	private static long countBids(String tenant) throws Exception {
		try (Connection connection = TestServices.shared().applicationConnection()) {
			connection.setAutoCommit(false);
			try (PreparedStatement set = connection.prepareStatement("SELECT set_config('app.tenant_id', ?, true)")) {
				set.setString(1, tenant);
				set.execute();
			}
			try (PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM tenders_bid"); ResultSet rows = count.executeQuery()) {
				rows.next();
				long found = rows.getLong(1);
				connection.rollback();
				return found;
			}
		}
	}

}
