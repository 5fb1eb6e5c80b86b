package com.performanceos.tenders;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.performanceos.platform.security.Role;
import com.performanceos.testsupport.TestTokens;

/**
 * A published tender whose deadline is a few seconds away, its buyer's callers and vendors that bid
 * on it: what the sealed-bid, evaluation and award tests start from.
 */
public final class TenderScenario {

	public static final String SUBMIT = """
			mutation($input: SubmitBidInput!) { submitBid(input: $input) {
			  bid { id status version amount { amount } documents { name sha256 } submittedAt receipt { submittedAt sha256 content } }
			  userErrors { code message field } } }""";

	private final WebTestClient web;

	private final TestTokens tokens;

	private final int port;

	public final String buyerTenant;

	public final String tenderId;

	public final List<String> lotIds;

	public final OffsetDateTime deadline;

	private TenderScenario(WebTestClient web, TestTokens tokens, int port, String buyerTenant, String tenderId, List<String> lotIds,
			OffsetDateTime deadline) {
		this.web = web;
		this.tokens = tokens;
		this.port = port;
		this.buyerTenant = buyerTenant;
		this.tenderId = tenderId;
		this.lotIds = lotIds;
		this.deadline = deadline;
	}

	/** Publishes an open-procedure tender (below the EU threshold, so no minimum time limit) closing after {@code open}. */
	public static TenderScenario publish(WebTestClient web, TestTokens tokens, int port, String buyerTenant, Duration open,
			List<Map<String, Object>> lots) {
		return publish(web, tokens, port, buyerTenant, "AO-" + buyerTenant, "OPEN", open, lots);
	}

	/** Publishes a tender of services with the reference and procedure given, closing after {@code open}. */
	public static TenderScenario publish(WebTestClient web, TestTokens tokens, int port, String buyerTenant, String reference,
			String procedure, Duration open, List<Map<String, Object>> lots) {
		OffsetDateTime deadline = OffsetDateTime.now(ZoneOffset.UTC).plus(open).withNano(0).plusSeconds(1);
		var author = tester(web, tokens, port, "author", buyerTenant, Role.BUYER);
		TendersApi.register(author, "21690123100011", "COMMUNE").path("registerOrganisation.userErrors").entityList(Object.class).hasSize(0);
		Map<String, Object> input = new java.util.HashMap<>(TendersApi.tender(reference, "SERVICES", procedure, "1", deadline, true));
		input.put("lots", lots);
		String tenderId = TendersApi.create(author, input);
		var published = tester(web, tokens, port, "validator", buyerTenant, Role.VALIDATOR).document(TendersApi.PUBLISH)
			.variable("id", tenderId).execute();
		published.path("publishTender.userErrors").entityList(Object.class).hasSize(0);
		List<String> lotIds = author.document("query($id: ID!) { node(id: $id) { ... on Tender { lots { id } } } }").variable("id", tenderId)
			.execute().path("node.lots[*].id").entityList(String.class).get();
		return new TenderScenario(web, tokens, port, buyerTenant, tenderId, lotIds, deadline);
	}

	/** A caller of the buyer's tenant. */
	public HttpGraphQlTester buyer(String subject, Role... roles) {
		return tester(web, tokens, port, subject, buyerTenant, roles);
	}

	/** A registered vendor (its own tenant) with the SIRET given. */
	public HttpGraphQlTester vendor(String tenant, String siret, boolean sme) {
		var vendor = tester(web, tokens, port, "vendor", tenant, Role.VENDOR);
		vendor.document(TendersApi.REGISTER).variable("input", Map.of("siret", siret, "name", "Entreprise " + tenant, "kind", "COMPANY", "sme", sme))
			.execute().path("registerOrganisation.userErrors").entityList(Object.class).hasSize(0);
		return vendor;
	}

	public static GraphQlTester.Response bid(GraphQlTester vendor, String key, String lotId, String amount, List<Map<String, String>> documents) {
		return vendor.document(SUBMIT).variable("input", Map.of("idempotencyKey", key, "lotId", lotId, "amount", amount, "documents", documents))
			.execute();
	}

	/** Waits until the deadline has passed by the server's clock (the same machine's). */
	public void awaitDeadline() throws InterruptedException {
		long waitMs = Duration.between(OffsetDateTime.now(ZoneOffset.UTC), deadline).toMillis() + 300;
		if (waitMs > 0) {
			Thread.sleep(waitMs);
		}
	}

	/** A one-price-one-technical lot (price 60, technical 40) with the price method given. */
	public static Map<String, Object> lot(String title, String estimate, String method) {
		return TendersApi.lot(title, estimate, method);
	}

	private static HttpGraphQlTester tester(WebTestClient web, TestTokens tokens, int port, String subject, String tenant, Role... roles) {
		return HttpGraphQlTester.builder(web.mutate().baseUrl("http://127.0.0.1:" + port + "/graphql"))
			.header("Authorization", "Bearer " + tokens.token(subject, tenant, roles))
			.responseTimeout(Duration.ofSeconds(60))
			.build();
	}

}
