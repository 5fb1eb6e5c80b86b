package com.performanceos.rules.sales.crm;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.TestPropertySource;

import com.performanceos.testsupport.IntegrationTest;
import com.performanceos.testsupport.TestServices;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.awaitility.Awaitility.await;

/**
 * The CRM connectors against WireMock providers answering the documented shapes (Salesforce's query result, HubSpot's
 * search answer). WireMock listens on this machine, which the egress guard refuses unless the operator allows it, as an
 * on-premise deployment would; each tenant's provider lives under its own path, so tests sharing the server never see
 * each other's stubs. Short retry, backoff and breaker settings keep the outage tests quick.
 */
@TestPropertySource(properties = { "performanceos.egress.allowed-destinations=127.0.0.0/8,::1", "performanceos.crm.retries=1",
		"performanceos.crm.retry-backoff=20ms", "performanceos.crm.window-size=4", "performanceos.crm.open-state-wait=3s",
		"performanceos.crm.page-size=2", "performanceos.crm.request-timeout=5s" })
abstract class CrmTestSupport extends IntegrationTest {

	static WireMockServer provider;

	@BeforeAll
	static void startProvider() {
		provider = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
		provider.start();
	}

	@AfterAll
	static void stopProvider() {
		provider.stop();
	}

	/** The API URL of the tenant's own provider (a path prefix on the shared WireMock). */
	static String apiUrl(String tenant) {
		return provider.baseUrl() + "/" + tenant;
	}

	Map<String, Object> configureSalesforce(HttpGraphQlTester admin, String tenant, String clientSecret) {
		return admin.documentName("crmConfigure").variable("input", Map.of("provider", "SALESFORCE", "apiUrl", apiUrl(tenant), "clientId",
				"client-" + tenant, "clientSecret", clientSecret, "defaultCurrency", "EUR", "currencyField", "CurrencyIsoCode",
				"stageMappings", List.of(Map.of("providerStage", "Signed", "stage", "CLOSED_WON"))))
			.execute()
			.path("configureCrmConnection.userErrors").entityList(Object.class).hasSize(0)
			.path("configureCrmConnection.connection").entity(Map.class).get();
	}

	void configureHubSpot(HttpGraphQlTester admin, String tenant, String token) {
		admin.documentName("crmConfigure").variable("input", Map.of("provider", "HUBSPOT", "apiUrl", apiUrl(tenant), "accessToken", token,
				"defaultCurrency", "EUR", "arrField", "hs_arr"))
			.execute()
			.path("configureCrmConnection.userErrors").entityList(Object.class).hasSize(0);
	}

	/** Queues a sync, waits for it to end and answers it as the {@code crmSyncNode} document reads it. */
	@SuppressWarnings("unchecked")
	Map<String, Object> sync(HttpGraphQlTester caller, String provider) {
		String id = caller.documentName("crmSync")
			.variable("input", Map.of("idempotencyKey", UUID.randomUUID().toString(), "provider", provider))
			.execute()
			.path("syncCrm.userErrors").entityList(Object.class).hasSize(0)
			.path("syncCrm.sync.id").entity(String.class).get();
		return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
			.until(() -> (Map<String, Object>) caller.documentName("crmSyncNode").variable("id", id).execute().path("node").entity(Map.class)
				.get(), node -> "SUCCEEDED".equals(node.get("status")) || "FAILED".equals(node.get("status")));
	}

	/** Rows of a query run as the superuser (row-level security bypassed), each column as text. */
	static List<List<String>> superuserRows(String sql, Object... parameters) {
		try (Connection connection = TestServices.shared().superuserConnection();
				PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int index = 0; index < parameters.length; index++) {
				statement.setObject(index + 1, parameters[index]);
			}
			try (ResultSet rows = statement.executeQuery()) {
				List<List<String>> result = new ArrayList<>();
				int columns = rows.getMetaData().getColumnCount();
				while (rows.next()) {
					List<String> row = new ArrayList<>();
					for (int column = 1; column <= columns; column++) {
						row.add(rows.getString(column));
					}
					result.add(row);
				}
				return result;
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static void superuserUpdate(String sql, Object... parameters) {
		try (Connection connection = TestServices.shared().superuserConnection();
				PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int index = 0; index < parameters.length; index++) {
				statement.setObject(index + 1, parameters[index]);
			}
			statement.executeUpdate();
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A Salesforce opportunity as the query API answers it. */
	static String opportunity(String id, String amount, String closeDate, String stage, String ownerEmail, String modified) {
		return """
				{"attributes": {"type": "Opportunity", "url": "/services/data/v62.0/sobjects/Opportunity/%1$s"},
				 "Id": "%1$s", "Amount": %2$s, "CloseDate": "%3$s", "StageName": "%4$s", "CurrencyIsoCode": "EUR", "Type": "New Business",
				 "Owner": {"attributes": {"type": "User", "url": "/services/data/v62.0/sobjects/User/005xx"}, "Email": "%5$s"},
				 "LastModifiedDate": "%6$s"}""".formatted(id, amount, closeDate, stage, ownerEmail, modified);
	}

	/** A Salesforce query result page. */
	static String queryResult(int totalSize, @org.jspecify.annotations.Nullable String nextRecordsUrl, String... records) {
		return "{\"totalSize\": " + totalSize + ", \"done\": " + (nextRecordsUrl == null) + ","
				+ (nextRecordsUrl == null ? "" : " \"nextRecordsUrl\": \"" + nextRecordsUrl + "\",") + " \"records\": ["
				+ String.join(",", records) + "]}";
	}

	/** A HubSpot deal as the search API answers it. */
	static String hubSpotDeal(String id, String amount, String closeDate, String stage, String owner, String modified) {
		return """
				{"id": "%1$s", "properties": {"amount": "%2$s", "closedate": "%3$s", "dealstage": "%4$s", "hubspot_owner_id": "%5$s",
				 "hs_lastmodifieddate": "%6$s", "hs_object_id": "%1$s", "dealtype": "newbusiness", "hs_arr": "%2$s"},
				 "createdAt": "2026-01-05T09:00:00.000Z", "updatedAt": "%6$s", "archived": false}""".formatted(id, amount, closeDate, stage,
				owner, modified);
	}

	/** A HubSpot search answer. */
	static String searchResult(int total, @org.jspecify.annotations.Nullable String after, String... results) {
		return "{\"total\": " + total + ", \"results\": [" + String.join(",", results) + "]"
				+ (after == null ? "" : ", \"paging\": {\"next\": {\"after\": \"" + after + "\", \"link\": \"?after=" + after + "\"}}") + "}";
	}

}
