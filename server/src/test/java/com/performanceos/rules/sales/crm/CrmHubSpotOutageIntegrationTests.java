package com.performanceos.rules.sales.crm;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.performanceos.platform.security.Role;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** HubSpot: the search API paged through {@code paging.next.after}; an outage opens the breaker and loses nothing. */
class CrmHubSpotOutageIntegrationTests extends CrmTestSupport {

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	private ProviderCalls breakers;

	@Test
	void pagesAreFollowedAnOutageOpensTheBreakerAndTheNextSyncResumesFromTheUnchangedWatermark() {
		String tenant = newTenant("crm-hs");
		var admin = graphQl(tenant, Role.ADMIN);
		String search = "/" + tenant + "/crm/v3/objects/deals/search";
		// Two records a page (performanceos.crm.page-size=2): the second page is asked for with the first's cursor.
		provider.stubFor(post(urlPathEqualTo(search)).atPriority(5)
			.willReturn(okJson(searchResult(3, "2",
					hubSpotDeal("101", "1200", "2026-10-01T00:00:00Z", "closedwon", "9001", "2026-11-01T09:00:00.000Z"),
					hubSpotDeal("102", "800.25", "2026-10-02T00:00:00Z", "contractsent", "9002", "2026-11-01T09:00:01.000Z")))));
		provider.stubFor(post(urlPathEqualTo(search)).withRequestBody(matchingJsonPath("$.after", equalTo("2"))).atPriority(4)
			.willReturn(okJson(searchResult(3, null,
					hubSpotDeal("103", "50", "2026-10-03T00:00:00Z", "closedlost", "9001", "2026-11-01T09:00:02.500Z")))));
		configureHubSpot(admin, tenant, "pat-" + tenant);

		Map<String, Object> full = sync(admin, "HUBSPOT");
		assertThat(full).containsEntry("status", "SUCCEEDED").containsEntry("fetched", 3).containsEntry("inserted", 3)
			.containsEntry("watermarkAfter", "2026-11-01T09:00:02.500Z");
		assertThat(bodies(search)).extracting(body -> body.path("after").isMissingNode() ? "first" : body.path("after").asString())
			.containsExactly("first", "2");
		assertThat(bodies(search).get(0).path("filterGroups").size()).as("a full sync filters nothing").isZero();
		provider.verify(postRequestedFor(urlPathEqualTo(search)).withHeader("Authorization", equalTo("Bearer pat-" + tenant)));

		// The provider goes down: the sync tries twice (one retry) and fails; with the two successful calls before, half of
		// the breaker's last four attempts failed, which opens it.
		provider.resetRequests();
		var outage = provider.stubFor(post(urlPathEqualTo(search)).atPriority(1).willReturn(aResponse().withStatus(503)));
		Map<String, Object> down = sync(admin, "HUBSPOT");
		assertThat(down).containsEntry("status", "FAILED").containsEntry("failure", "PROVIDER_ERROR")
			.containsEntry("failureMessage", "The provider failed, retries included (HTTP 503)");
		assertThat(provider.findAll(postRequestedFor(urlPathEqualTo(search)))).as("one attempt and one retry").hasSize(2);
		Map<String, Object> open = sync(admin, "HUBSPOT");
		assertThat(open).containsEntry("status", "FAILED").containsEntry("failure", "PROVIDER_UNAVAILABLE");
		assertThat(provider.findAll(postRequestedFor(urlPathEqualTo(search)))).as("an open breaker does not call the provider").hasSize(2);
		assertThat(breakers.breaker(CrmProvider.HUBSPOT, tenant).getState()).isEqualTo(CircuitBreaker.State.OPEN);

		// Nothing was lost: the deals and the watermark are as the last successful sync left them.
		assertThat(superuserRows("SELECT count(*) FROM sales_deal WHERE tenant_id = ?", tenant)).containsExactly(List.of("3"));
		assertThat(superuserRows("SELECT watermark FROM sales_crm_connection WHERE tenant_id = ?", tenant).get(0).get(0))
			.startsWith("2026-11-01 09:00:02.5");
		admin.documentName("crmConnections").execute().path("crmConnections[0].watermark").entity(String.class)
			.isEqualTo("2026-11-01T09:00:02.500Z");

		// The provider is back: once the breaker lets a trial call through, the next sync asks for changes after the
		// watermark the outage left untouched.
		provider.resetRequests();
		provider.removeStub(outage);
		provider.stubFor(post(urlPathEqualTo(search)).withRequestBody(matchingJsonPath("$.filterGroups[0].filters[0].value"))
			.atPriority(2)
			.willReturn(okJson(searchResult(1, null,
					hubSpotDeal("104", "300", "2026-10-04T00:00:00Z", "qualifiedtobuy", "9002", "2026-11-04T12:00:00.000Z")))));
		Map<String, Object> resumed = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500))
			.until(() -> sync(admin, "HUBSPOT"), sync -> "SUCCEEDED".equals(sync.get("status")));
		assertThat(resumed).containsEntry("fetched", 1).containsEntry("inserted", 1)
			.containsEntry("watermarkBefore", "2026-11-01T09:00:02.500Z");
		JsonNode filter = bodies(search).get(bodies(search).size() - 1).path("filterGroups").get(0).path("filters").get(0);
		assertThat(filter.path("propertyName").asString()).isEqualTo("hs_lastmodifieddate");
		assertThat(filter.path("operator").asString()).isEqualTo("GT");
		assertThat(filter.path("value").asString()).isEqualTo(Long.toString(java.time.Instant.parse("2026-11-01T09:00:02.500Z").toEpochMilli()));
		assertThat(superuserRows("SELECT deal_ref, stage FROM sales_deal WHERE tenant_id = ? ORDER BY deal_ref", tenant)).containsExactly(
				List.of("101", "CLOSED_WON"), List.of("102", "NEGOTIATION"), List.of("103", "CLOSED_LOST"), List.of("104", "QUALIFIED"));
	}

	private List<JsonNode> bodies(String path) {
		return provider.findAll(postRequestedFor(urlPathEqualTo(path))).stream().map(LoggedRequest::getBodyAsString).map(json::readTree)
			.toList();
	}

}
