package com.performanceos.ledger.dimensions;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * A tenant with a bank (512000) and a sales (706000) account and two dimensions, REGION (IDF,
 * ARA) and PRODUCT (SAAS, CONSEIL), plus helpers to post and read balances by slice.
 */
final class DimensionFixture {

	final GraphQlTester tester;

	final String bank;

	final String sales;

	private DimensionFixture(GraphQlTester tester) {
		this.tester = tester;
		this.bank = account(tester, "512000", "ASSET");
		this.sales = account(tester, "706000", "REVENUE");
	}

	static DimensionFixture standard(GraphQlTester tester) {
		DimensionFixture fixture = new DimensionFixture(tester);
		String region = dimension(tester, "dim-region", "REGION", "Région");
		member(tester, region, "IDF", "Île-de-France");
		member(tester, region, "ARA", "Auvergne-Rhône-Alpes");
		String product = dimension(tester, "dim-product", "PRODUCT", "Produit");
		member(tester, product, "SAAS", "Abonnement SaaS");
		member(tester, product, "CONSEIL", "Conseil");
		return fixture;
	}

	Map<String, String> value(String dimension, String member) {
		return Map.of("dimension", dimension, "member", member);
	}

	/** Bank debit / sales credit of {@code amount}, each line with its own dimension values. */
	GraphQlTester.Response post(String key, String date, String amount, List<Map<String, String>> bankDimensions,
			List<Map<String, String>> salesDimensions) {
		return tester.documentName("corePostEntryWithDimensions")
			.variable("input", Map.of("idempotencyKey", key, "effectiveDate", date, "description", "Fixture " + key, "lines", List.of(
					Map.of("accountId", bank, "side", "DEBIT", "amount", amount, "currency", "EUR", "dimensions", bankDimensions),
					Map.of("accountId", sales, "side", "CREDIT", "amount", amount, "currency", "EUR", "dimensions", salesDimensions))))
			.execute();
	}

	/** The net of one account in the slice, as of a date and (optionally) as known at a time. */
	BigDecimal sliceNet(String asOf, String knownAt, List<Map<String, String>> slice, String code) {
		return sliceNode(asOf, knownAt, slice, code).map(node -> new BigDecimal((String) ((Map<?, ?>) node.get("net")).get("amount")))
			.orElseThrow();
	}

	int sliceLineCount(String asOf, List<Map<String, String>> slice, String code) {
		return sliceNode(asOf, null, slice, code).map(node -> (Integer) node.get("lineCount")).orElseThrow();
	}

	private Optional<Map<String, Object>> sliceNode(String asOf, String knownAt, List<Map<String, String>> slice, String code) {
		var request = tester.documentName("coreSliceBalances").variable("asOf", asOf).variable("slice", slice);
		if (knownAt != null) {
			request = request.variable("knownAt", knownAt);
		}
		List<Map<String, Object>> nodes = request.execute().path("accountBalances.nodes").entity(List.class).get();
		return nodes.stream().filter(node -> code.equals(((Map<?, ?>) node.get("account")).get("code"))).findFirst();
	}

	int entryCount() {
		return tester.documentName("journalEntries").variable("first", 1).execute()
			.path("journalEntries.totalCount").entity(Integer.class).get();
	}

	static GraphQlTester.Response createDimension(GraphQlTester tester, String key, String code, String name) {
		return tester.documentName("coreCreateDimension")
			.variable("input", Map.of("idempotencyKey", key, "code", code, "name", name))
			.execute();
	}

	static String dimension(GraphQlTester tester, String key, String code, String name) {
		return createDimension(tester, key, code, name).path("createDimension.dimension.id").entity(String.class).get();
	}

	static GraphQlTester.Response createMember(GraphQlTester tester, String key, String dimensionId, String code, String name) {
		return tester.documentName("coreCreateDimensionMember")
			.variable("input", Map.of("idempotencyKey", key, "dimensionId", dimensionId, "code", code, "name", name))
			.execute();
	}

	static String member(GraphQlTester tester, String dimensionId, String code, String name) {
		return createMember(tester, "member-" + dimensionId + "-" + code, dimensionId, code, name)
			.path("createDimensionMember.member.id").entity(String.class).get();
	}

	private static String account(GraphQlTester tester, String code, String type) {
		return tester.documentName("createAccount")
			.variable("input", Map.of("idempotencyKey", "acc-" + code, "code", code, "name", code, "type", type, "currency", "EUR"))
			.execute().path("createAccount.account.id").entity(String.class).get();
	}

}
