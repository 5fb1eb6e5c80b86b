package com.performanceos.rules.sales.crm;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.performanceos.platform.security.Role;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** Credentials stored encrypted and never answered; each tenant's connections, syncs, breakers and deals are its own. */
class CrmTenantIsolationIntegrationTests extends CrmTestSupport {

	@Test
	void credentialsAreEncryptedBoundToTheTenantAndNeverAnsweredOrAudited() {
		String tenant = newTenant("crm-secret");
		String other = newTenant("crm-secret-other");
		var admin = graphQl(tenant, Role.ADMIN);
		String secret = "s3cr3t-" + UUID.randomUUID();
		Map<String, Object> connection = configureSalesforce(admin, tenant, secret);
		assertThat(connection).containsEntry("provider", "SALESFORCE").containsEntry("apiUrl", apiUrl(tenant))
			.containsEntry("defaultCurrency", "EUR").containsEntry("currencyField", "CurrencyIsoCode").containsEntry("watermark", null)
			.doesNotContainKeys("clientSecret", "clientId");
		List<String> stored = superuserRows("SELECT credentials, settings FROM sales_crm_connection WHERE tenant_id = ?", tenant).get(0);
		assertThat(stored.get(0)).startsWith("v1:").doesNotContain(secret).doesNotContain("client-" + tenant);
		assertThat(stored.get(1)).doesNotContain(secret);
		assertThat(superuserRows("SELECT action, after_image::text FROM audit_log WHERE tenant_id = ? AND action = 'sales.crm.configured'",
				tenant)).singleElement().satisfies(row -> assertThat(row.get(1)).contains("SALESFORCE").doesNotContain(secret));

		// Another tenant sees no connection and cannot sync through this one.
		var intruder = graphQl(other, Role.ADMIN);
		intruder.documentName("crmConnections").execute().path("crmConnections").entityList(Object.class).hasSize(0);
		intruder.documentName("crmSync").variable("input", Map.of("idempotencyKey", "k1", "provider", "SALESFORCE")).execute()
			.path("syncCrm.sync").valueIsNull()
			.path("syncCrm.userErrors[0].code").entity(String.class).isEqualTo("CONNECTION_NOT_FOUND");

		// The ciphertext is bound to its tenant: copied into another tenant's row it does not open, so the sync fails
		// before any call to the provider carries someone else's secret.
		superuserUpdate("INSERT INTO sales_crm_connection (tenant_id, provider, credentials, settings, configured_by) "
				+ "SELECT ?, provider, credentials, settings, configured_by FROM sales_crm_connection WHERE tenant_id = ?", other, tenant);
		assertThat(sync(intruder, "SALESFORCE")).containsEntry("status", "FAILED").containsEntry("failure", "INTERNAL");
		provider.verify(0, postRequestedFor(urlPathEqualTo("/" + tenant + "/services/oauth2/token")));

		// Only ADMIN configures.
		graphQl(tenant, Role.SALES_OPS).documentName("crmConfigure").variable("input", Map.of("provider", "HUBSPOT", "accessToken", "x",
				"defaultCurrency", "EUR")).execute().errors().satisfy(errors -> assertThat(errors).singleElement()
					.satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "FORBIDDEN")));
	}

	@Test
	void eachTenantSyncsItsOwnDealsAndNeitherSeesTheOthersSyncsOrDeals() {
		String first = newTenant("crm-a");
		String second = newTenant("crm-b");
		for (String tenant : List.of(first, second)) {
			provider.stubFor(post(urlPathEqualTo("/" + tenant + "/crm/v3/objects/deals/search")).withHeader("Authorization",
					equalTo("Bearer token-" + tenant))
				.willReturn(okJson(searchResult(1, null,
						hubSpotDeal("55", "100", "2026-10-01", "closedwon", "owner-" + tenant, "2026-11-01T00:00:00Z")))));
			configureHubSpot(graphQl(tenant, Role.ADMIN), tenant, "token-" + tenant);
		}
		Map<String, Object> firstSync = sync(graphQl(first, Role.ADMIN), "HUBSPOT");
		Map<String, Object> secondSync = sync(graphQl(second, Role.ADMIN), "HUBSPOT");
		assertThat(firstSync).containsEntry("inserted", 1);
		assertThat(secondSync).as("the same record id in another tenant is another deal").containsEntry("inserted", 1);
		var firstOps = graphQl(first, Role.SALES_OPS);
		firstOps.documentName("importDeals").variable("first", 10).execute().path("deals.nodes[*].rep").entityList(String.class)
			.containsExactly("owner-" + first);
		firstOps.documentName("crmSyncNode").variable("id", secondSync.get("id")).execute().path("node").valueIsNull();
		firstOps.documentName("crmSyncs").variable("first", 10).execute().path("crmSyncs.nodes[*].id").entityList(String.class)
			.containsExactly((String) firstSync.get("id"));

		// A record whose id the tenant holds from another source is skipped, never merged into that deal.
		provider.stubFor(post(urlPathEqualTo("/" + first + "/services/oauth2/token")).willReturn(okJson("{\"access_token\": \"t\"}")));
		provider.stubFor(get(urlPathEqualTo("/" + first + "/services/data/v62.0/query")).willReturn(okJson(queryResult(1, null,
				opportunity("55", "999", "2026-10-01", "Closed Won", "someone@example.com", "2026-11-01T00:00:00.000+0000")))));
		configureSalesforce(graphQl(first, Role.ADMIN), first, "secret");
		Map<String, Object> clash = sync(graphQl(first, Role.ADMIN), "SALESFORCE");
		assertThat(clash).containsEntry("status", "SUCCEEDED").containsEntry("skipped", 1).containsEntry("inserted", 0);
		assertThat(clash.get("skippedRecords")).asList().singleElement().asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsEntry("recordId", "55").containsEntry("reason", "DEAL_ID_TAKEN");
		assertThat(superuserRows("SELECT crm_provider, amount::text FROM sales_deal WHERE tenant_id = ?", first))
			.containsExactly(List.of("HUBSPOT", "100.000000"));
	}

	@Test
	void aConnectionThatCannotWorkIsRefusedWithTheFieldAtFault() {
		String tenant = newTenant("crm-invalid");
		var admin = graphQl(tenant, Role.ADMIN);
		List<Object> fields = admin.documentName("crmConfigure").variable("input", Map.of("provider", "SALESFORCE", "clientId", "id",
				"clientSecret", "s", "defaultCurrency", "EUR", "regionField", "Region__c FROM User --", "accessToken", "t"))
			.execute()
			.path("configureCrmConnection.connection").valueIsNull()
			.path("configureCrmConnection.userErrors[*].field").entityList(Object.class).get();
		assertThat(fields).containsExactlyInAnyOrder(List.of("input", "apiUrl"), List.of("input", "accessToken"),
				List.of("input", "regionField"));
		// The cloud metadata address is not a public one: refused when configured, not when the first sync fails.
		admin.documentName("crmConfigure").variable("input", Map.of("provider", "HUBSPOT", "apiUrl", "http://169.254.169.254",
				"accessToken", "t", "defaultCurrency", "EUR"))
			.execute()
			.path("configureCrmConnection.userErrors[0].code").entity(String.class).isEqualTo("INVALID_INPUT")
			.path("configureCrmConnection.userErrors[0].field").entityList(String.class).containsExactly("input", "apiUrl");
		assertThat(superuserRows("SELECT count(*) FROM sales_crm_connection WHERE tenant_id = ?", tenant)).containsExactly(List.of("0"));
	}

}
