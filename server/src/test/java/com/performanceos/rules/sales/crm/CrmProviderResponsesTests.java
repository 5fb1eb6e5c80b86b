package com.performanceos.rules.sales.crm;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The providers' documented answers read into records, the queries written, and failures told apart. */
class CrmProviderResponsesTests {

	private final JsonMapper json = JsonMapper.builder().build();

	private static final ConnectionSettings SALESFORCE = new ConnectionSettings("https://example.my.salesforce.com", "EUR", "Product__c",
			"Account.Region__c", "CurrencyIsoCode", null, List.of());

	@Test
	void salesforceQueryAsksForChangesAfterTheWatermarkInWholeSecondsOldestFirst() {
		assertThat(SalesforceClient.soql(SALESFORCE, Instant.parse("2026-11-02T10:00:00.999Z"))).isEqualTo(
				"SELECT Id, Amount, CloseDate, StageName, Owner.Email, LastModifiedDate, Product__c, Account.Region__c, CurrencyIsoCode "
						+ "FROM Opportunity WHERE LastModifiedDate > 2026-11-02T10:00:00Z ORDER BY LastModifiedDate ASC, Id ASC");
		assertThat(SalesforceClient.soql(SALESFORCE, null)).doesNotContain("WHERE");
	}

	@Test
	void salesforceQueryResultIsReadWithItsNextPageAndRelationshipFields() {
		String body = """
				{"totalSize": 3, "done": false, "nextRecordsUrl": "/services/data/v62.0/query/01gRO0000016PIAYA2-2000",
				 "records": [{"attributes": {"type": "Opportunity", "url": "/services/data/v62.0/sobjects/Opportunity/006A"},
				   "Id": "006A", "Amount": 0.1, "CloseDate": "2026-10-15", "StageName": "Closed Won", "CurrencyIsoCode": "USD",
				   "Product__c": "Pro", "Account": {"attributes": {"type": "Account"}, "Region__c": "EMEA"},
				   "Owner": {"attributes": {"type": "User"}, "Email": "camille@example.com"},
				   "LastModifiedDate": "2026-11-01T09:00:00.000+0000"}]}""";
		ProviderResponses.Page page = SalesforceClient.parse(ProviderResponses.read(json, body.getBytes()), SALESFORCE);
		assertThat(page.next()).isEqualTo("/services/data/v62.0/query/01gRO0000016PIAYA2-2000");
		assertThat(page.total()).isEqualTo(3);
		assertThat(page.records()).containsExactly(new ProviderRecord("006A", Instant.parse("2026-11-01T09:00:00Z"), "camille@example.com",
				"0.1", "USD", "2026-10-15", "Closed Won", "Pro", "EMEA", null));
	}

	@Test
	void aNextRecordsUrlThatIsNotAQueryPathOfTheSameOrgIsRefused() {
		String body = "{\"totalSize\": 1, \"done\": false, \"nextRecordsUrl\": \"https://attacker.example/steal\", \"records\": []}";
		assertThatExceptionOfType(ProviderResponses.Invalid.class)
			.isThrownBy(() -> SalesforceClient.parse(ProviderResponses.read(json, body.getBytes()), SALESFORCE));
		assertThatExceptionOfType(ProviderResponses.Invalid.class)
			.isThrownBy(() -> SalesforceClient.parse(ProviderResponses.read(json, "[]".getBytes()), SALESFORCE));
		assertThatExceptionOfType(ProviderResponses.Invalid.class)
			.isThrownBy(() -> SalesforceClient.parse(ProviderResponses.read(json, "<html>".getBytes()), SALESFORCE));
	}

	@Test
	void hubSpotSearchIsFilteredSortedAndPagedAndItsAnswerRead() {
		HubSpotClient client = new HubSpotClient(null, json, properties());
		ConnectionSettings settings = new ConnectionSettings("https://api.hubapi.com", "EUR", null, null, "deal_currency_code", "hs_arr",
				List.of());
		Map<String, Object> search = client.search(settings, Instant.ofEpochMilli(1_762_000_000_123L), "200");
		// Compared as JSON (object members in any order).
		assertThat(json.readTree(json.writeValueAsString(search))).isEqualTo(json.readTree("{\"filterGroups\":[{\"filters\":[{\"propertyName\":\"hs_lastmodifieddate\","
				+ "\"operator\":\"GT\",\"value\":\"1762000000123\"}]}],\"sorts\":[{\"propertyName\":\"hs_lastmodifieddate\",\"direction\":"
				+ "\"ASCENDING\"}],\"properties\":[\"amount\",\"closedate\",\"dealstage\",\"hubspot_owner_id\",\"hs_lastmodifieddate\","
				+ "\"dealtype\",\"deal_currency_code\",\"hs_arr\"],\"limit\":100,\"after\":\"200\"}"));
		String body = """
				{"total": 1, "results": [{"id": "512", "properties": {"amount": "17", "closedate": "2026-10-01T00:00:00Z",
				  "dealstage": "closedwon", "hubspot_owner_id": "9001", "hs_lastmodifieddate": "2026-11-01T09:00:00.123Z",
				  "dealtype": "newbusiness", "deal_currency_code": "GBP", "hs_arr": "204"},
				  "createdAt": "2026-01-01T00:00:00Z", "updatedAt": "2026-11-01T09:00:00.123Z", "archived": false}],
				 "paging": {"next": {"after": "NTI1Cg%3D%3D", "link": "?after=NTI1Cg%3D%3D"}}}""";
		ProviderResponses.Page page = HubSpotClient.parse(ProviderResponses.read(json, body.getBytes()), settings);
		assertThat(page.next()).isEqualTo("NTI1Cg%3D%3D");
		assertThat(page.records()).containsExactly(new ProviderRecord("512", Instant.parse("2026-11-01T09:00:00.123Z"), "9001", "17", "GBP",
				"2026-10-01T00:00:00Z", "closedwon", "newbusiness", null, "204"));
		assertThat(HubSpotClient.canPage("9800")).isTrue();
		assertThat(HubSpotClient.canPage("10000")).as("HubSpot's search stops at 10,000 results").isFalse();
	}

	@Test
	void theWatermarkIsTheNewestChangeExceptWhenASyncStoppedAtItsLimit() {
		Instant first = Instant.parse("2026-11-01T09:00:00Z");
		Instant second = Instant.parse("2026-11-01T09:00:01Z");
		List<ProviderRecord> records = List.of(at("a", first), at("b", second), at("c", second), at("d", null));
		assertThat(CrmSyncRun.watermark(new CrmSyncRun.Fetched(records, false), null)).isEqualTo(second);
		// More may share the newest instant beyond the limit: the watermark stays before it, so the next sync finds them.
		assertThat(CrmSyncRun.watermark(new CrmSyncRun.Fetched(records, true), null)).isEqualTo(first);
		assertThat(CrmSyncRun.watermark(new CrmSyncRun.Fetched(List.of(at("b", second), at("c", second)), true), null)).isEqualTo(second);
		assertThat(CrmSyncRun.watermark(new CrmSyncRun.Fetched(List.of(), false), first)).isEqualTo(first);
		assertThat(CrmSyncRun.watermark(new CrmSyncRun.Fetched(List.of(at("a", first)), false), second)).as("never backwards")
			.isEqualTo(second);
	}

	@Test
	void onlyOutagesAreRetriedAndEachFailureHasItsType() {
		assertThat(ProviderCalls.isOutage(new TimeoutException())).isTrue();
		assertThat(ProviderCalls.classify(CallNotPermittedException.createCallNotPermittedException(CircuitBreaker.ofDefaults("x"))))
			.isEqualTo(SyncFailure.PROVIDER_UNAVAILABLE);
		assertThat(ProviderCalls.classify(new ProviderResponses.Invalid("bad"))).isEqualTo(SyncFailure.INVALID_RESPONSE);
		assertThat(ProviderCalls.classify(new CrmSyncRun.NotConfigured())).isEqualTo(SyncFailure.NOT_CONFIGURED);
		assertThat(ProviderCalls.classify(new IllegalStateException("bug"))).isEqualTo(SyncFailure.INTERNAL);
		assertThat(ProviderCalls.describe(SyncFailure.AUTHENTICATION_FAILED, new IllegalStateException("secret-in-message")))
			.doesNotContain("secret");
	}

	private static ProviderRecord at(String id, Instant modified) {
		return new ProviderRecord(id, modified, "o", "1", null, "2026-10-01", "closedwon", null, null, null);
	}

	private static CrmProperties properties() {
		return new CrmProperties(Duration.ofSeconds(30), 2, Duration.ofMillis(500), 50, 6, Duration.ofSeconds(60), 100, 50_000,
				DataSize.ofMegabytes(32), Duration.ofHours(1), "v62.0");
	}

}
