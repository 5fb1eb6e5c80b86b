package com.performanceos.rules.sales.crm;

import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;

import com.performanceos.platform.security.Role;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/** Salesforce: a full sync following {@code nextRecordsUrl}, then incremental syncs that fetch only what changed. */
class CrmSalesforceSyncIntegrationTests extends CrmTestSupport {

	@Test
	void aFullSyncFollowsPagingThenAnIncrementalOneFetchesOnlyChangedDealsAndARepeatChangesNothing() {
		String tenant = newTenant("crm-sf");
		var admin = graphQl(tenant, Role.ADMIN);
		var salesOps = graphQl(tenant, Role.SALES_OPS);
		String base = "/" + tenant;
		provider.stubFor(post(urlPathEqualTo(base + "/services/oauth2/token"))
			.willReturn(okJson("{\"access_token\": \"sf-token\", \"instance_url\": \"https://example.my.salesforce.com\", \"token_type\": \"Bearer\"}")));
		// The full sync: no filter, two pages; 006C has no amount and is skipped, never stored in part.
		provider.stubFor(get(urlPathEqualTo(base + "/services/data/v62.0/query")).withQueryParam("q", notContaining("WHERE"))
			.willReturn(okJson(queryResult(4, "/services/data/v62.0/query/01gRO0000016PIAYA2-2",
					opportunity("006A", "12000.50", "2026-10-15", "Closed Won", "camille@example.com", "2026-11-01T09:00:00.000+0000"),
					opportunity("006B", "8000", "2026-10-20", "Negotiation/Review", "lucas@example.com", "2026-11-01T09:30:00.000+0000")))));
		provider.stubFor(get(urlPathEqualTo(base + "/services/data/v62.0/query/01gRO0000016PIAYA2-2"))
			.willReturn(okJson(queryResult(4, null,
					opportunity("006C", "null", "2026-10-21", "Prospecting", "lucas@example.com", "2026-11-01T10:00:00.000+0000"),
					opportunity("006D", "5000", "2026-10-25", "Signed", "camille@example.com", "2026-11-02T10:00:00.000+0000")))));
		configureSalesforce(admin, tenant, "secret-" + tenant);

		Map<String, Object> full = sync(salesOps, "SALESFORCE");
		assertThat(full).containsEntry("status", "SUCCEEDED").containsEntry("fetched", 4).containsEntry("inserted", 3)
			.containsEntry("skipped", 1).containsEntry("watermarkBefore", null).containsEntry("watermarkAfter", "2026-11-02T10:00:00.000Z");
		assertThat(full.get("skippedRecords")).isEqualTo(List.of(Map.of("position", 3, "recordId", "006C", "reason", "MISSING_VALUE",
				"message", "The record has no amount")));
		var deals = salesOps.documentName("importDeals").variable("first", 10).execute();
		deals.path("deals.nodes[*].dealId").entityList(String.class).containsExactly("006A", "006B", "006D");
		deals.path("deals.nodes[*].stage").entityList(String.class).containsExactly("CLOSED_WON", "NEGOTIATION", "CLOSED_WON");
		deals.path("deals.nodes[*].rep").entityList(String.class).containsExactly("camille@example.com", "lucas@example.com",
				"camille@example.com");
		deals.path("deals.nodes[0].amount.amount").entity(String.class).satisfies(amount -> assertThat(new java.math.BigDecimal(amount))
			.isEqualByComparingTo("12000.50"));
		// Lineage: the sync that brought each deal and the record's position among its records.
		deals.path("deals.nodes[*].importId").entityList(String.class).containsExactly((String) full.get("id"), (String) full.get("id"),
				(String) full.get("id"));
		deals.path("deals.nodes[*].sourceRow").entityList(Integer.class).containsExactly(1, 2, 4);
		provider.verify(1, getRequestedFor(urlPathEqualTo(base + "/services/data/v62.0/query/01gRO0000016PIAYA2-2"))
			.withHeader("Authorization", equalTo("Bearer sf-token")));
		provider.verify(postRequestedFor(urlPathEqualTo(base + "/services/oauth2/token"))
			.withRequestBody(containing("grant_type=client_credentials")).withRequestBody(containing("client_secret=secret-" + tenant)));

		// Changed since: 006B's amount moved and 006E is new; the provider answers only those for the watermark's filter.
		provider.stubFor(get(urlPathEqualTo(base + "/services/data/v62.0/query"))
			.withQueryParam("q", containing("WHERE LastModifiedDate > 2026-11-02T10:00:00Z"))
			.willReturn(okJson(queryResult(2, null,
					opportunity("006B", "9500", "2026-10-20", "Closed Won", "lucas@example.com", "2026-11-03T08:00:00.000+0000"),
					opportunity("006E", "700", "2026-11-30", "Prospecting", "lucas@example.com", "2026-11-03T08:05:00.000+0000")))));
		Map<String, Object> incremental = sync(salesOps, "SALESFORCE");
		assertThat(incremental).containsEntry("status", "SUCCEEDED").containsEntry("fetched", 2).containsEntry("inserted", 1)
			.containsEntry("updated", 1).containsEntry("watermarkBefore", "2026-11-02T10:00:00.000Z")
			.containsEntry("watermarkAfter", "2026-11-03T08:05:00.000Z");
		List<LoggedRequest> queries = provider.findAll(getRequestedFor(urlPathEqualTo(base + "/services/data/v62.0/query")));
		assertThat(queries).extracting(request -> request.queryParameter("q").firstValue()).containsExactly(
				"SELECT Id, Amount, CloseDate, StageName, Owner.Email, LastModifiedDate, Type, CurrencyIsoCode FROM Opportunity "
						+ "ORDER BY LastModifiedDate ASC, Id ASC",
				"SELECT Id, Amount, CloseDate, StageName, Owner.Email, LastModifiedDate, Type, CurrencyIsoCode FROM Opportunity "
						+ "WHERE LastModifiedDate > 2026-11-02T10:00:00Z ORDER BY LastModifiedDate ASC, Id ASC");
		provider.verify(1, getRequestedFor(urlPathMatching(base + "/services/data/v62.0/query/.*")));
		salesOps.documentName("importDeals").variable("first", 10).execute()
			.path("deals.nodes[*].dealId").entityList(String.class).containsExactly("006A", "006B", "006D", "006E");

		// The same answer again (a provider that repeats itself, or a retried sync): nothing changes, nothing is added.
		provider.stubFor(get(urlPathEqualTo(base + "/services/data/v62.0/query"))
			.withQueryParam("q", containing("WHERE LastModifiedDate > 2026-11-03T08:05:00Z"))
			.willReturn(okJson(queryResult(2, null,
					opportunity("006B", "9500", "2026-10-20", "Closed Won", "lucas@example.com", "2026-11-03T08:00:00.000+0000"),
					opportunity("006E", "700", "2026-11-30", "Prospecting", "lucas@example.com", "2026-11-03T08:05:00.000+0000")))));
		Map<String, Object> repeat = sync(salesOps, "SALESFORCE");
		assertThat(repeat).containsEntry("status", "SUCCEEDED").containsEntry("fetched", 2).containsEntry("inserted", 0)
			.containsEntry("updated", 0).containsEntry("unchanged", 2);
		assertThat(superuserRows("SELECT deal_ref, amount::text FROM sales_deal WHERE tenant_id = ? ORDER BY deal_ref", tenant))
			.containsExactly(List.of("006A", "12000.500000"), List.of("006B", "9500.000000"), List.of("006D", "5000.000000"),
					List.of("006E", "700.000000"));
		// 006B keeps the lineage of the sync that last changed it, not of the repeat that changed nothing.
		assertThat(superuserRows("SELECT crm_sync_id::text FROM sales_deal WHERE tenant_id = ? AND deal_ref = '006B'", tenant))
			.containsExactly(List.of(com.performanceos.platform.graphql.GlobalId.decode((String) incremental.get("id")).orElseThrow().key()
				.toString()));
		salesOps.documentName("crmSyncs").variable("provider", "SALESFORCE").variable("first", 2).execute()
			.path("crmSyncs.totalCount").entity(Integer.class).isEqualTo(3)
			.path("crmSyncs.nodes[*].id").entityList(String.class).containsExactly((String) repeat.get("id"), (String) incremental.get("id"))
			.path("crmSyncs.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
	}

	@Test
	void aRequestTheProviderRefusesFailsAtOnceWithoutRetries() {
		String tenant = newTenant("crm-sf-refused");
		var admin = graphQl(tenant, Role.ADMIN);
		String base = "/" + tenant;
		provider.stubFor(post(urlPathEqualTo(base + "/services/oauth2/token")).willReturn(okJson("{\"access_token\": \"t\"}")));
		provider.stubFor(get(urlPathEqualTo(base + "/services/data/v62.0/query")).willReturn(aResponse().withStatus(400)
			.withHeader("Content-Type", "application/json")
			.withBody("[{\"message\": \"No such column 'Region__c' on entity 'Opportunity'\", \"errorCode\": \"INVALID_FIELD\"}]")));
		configureSalesforce(admin, tenant, "secret");
		Map<String, Object> refused = sync(admin, "SALESFORCE");
		assertThat(refused).containsEntry("status", "FAILED").containsEntry("failure", "REQUEST_REFUSED")
			.containsEntry("failureMessage", "The provider refused the request: check the connection's field names (HTTP 400)");
		// A refused request is not an outage: not retried.
		provider.verify(1, getRequestedFor(urlPathEqualTo(base + "/services/data/v62.0/query")));
	}

	@Test
	void aReplayedRequestAnswersTheSameSyncAndASecondRequestWaitsForTheFirstToEnd() {
		String tenant = newTenant("crm-sf-once");
		var admin = graphQl(tenant, Role.ADMIN);
		String base = "/" + tenant;
		// A slow provider keeps the first sync running while the next requests arrive.
		provider.stubFor(post(urlPathEqualTo(base + "/services/oauth2/token"))
			.willReturn(okJson("{\"access_token\": \"t\"}").withFixedDelay(2_000)));
		provider.stubFor(get(urlPathEqualTo(base + "/services/data/v62.0/query")).willReturn(okJson(queryResult(1, null,
				opportunity("006Z", "10", "2026-10-01", "Closed Won", "camille@example.com", "2026-11-01T00:00:00.000+0000")))));
		configureSalesforce(admin, tenant, "secret");
		Map<String, Object> input = Map.of("idempotencyKey", "sync-once", "provider", "SALESFORCE");
		String first = admin.documentName("crmSync").variable("input", input).execute().path("syncCrm.sync.id").entity(String.class).get();
		admin.documentName("crmSync").variable("input", input).execute().path("syncCrm.sync.id").entity(String.class).isEqualTo(first);
		admin.documentName("crmSync").variable("input", Map.of("idempotencyKey", "sync-twice", "provider", "SALESFORCE")).execute()
			.path("syncCrm.sync").valueIsNull()
			.path("syncCrm.userErrors[0].code").entity(String.class).isEqualTo("SYNC_ALREADY_RUNNING");
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
			.until(() -> "SUCCEEDED".equals(admin.documentName("crmSyncNode").variable("id", first).execute().path("node.status")
				.entity(String.class).get()));
		// One sync for three requests (a slow provider on a loaded machine may be retried, so requests are not counted).
		assertThat(superuserRows("SELECT count(*) FROM sales_crm_sync WHERE tenant_id = ?", tenant)).containsExactly(List.of("1"));
		// Once it ended, the next one may start.
		assertThat(sync(admin, "SALESFORCE")).containsEntry("status", "SUCCEEDED").containsEntry("fetched", 1).containsEntry("unchanged", 1);
	}

}
