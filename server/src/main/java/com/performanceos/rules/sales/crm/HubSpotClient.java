package com.performanceos.rules.sales.crm;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HubSpot deals through the CRM v3 search API: a filter {@code hs_lastmodifieddate > watermark} (epoch milliseconds),
 * sorted by it, pages followed through {@code paging.next.after}. HubSpot's search answers at most 10,000 records per
 * query: the client stops there, and the next sync resumes from the watermark this one committed.
 */
@Component
class HubSpotClient implements CrmClient {

	/** The deepest a search pages (HubSpot refuses an {@code after} beyond it). */
	static final int SEARCH_RESULTS_MAX = 10_000;

	private static final List<String> PROPERTIES = List.of("amount", "closedate", "dealstage", "hubspot_owner_id", "hs_lastmodifieddate");

	private final ProviderCalls calls;

	private final JsonMapper json;

	private final CrmProperties settings;

	HubSpotClient(ProviderCalls calls, JsonMapper json, CrmProperties settings) {
		this.calls = calls;
		this.json = json;
		this.settings = settings;
	}

	@Override
	public CrmProvider provider() {
		return CrmProvider.HUBSPOT;
	}

	@Override
	public Flux<ProviderResponses.Page> changedSince(String tenant, CrmCredentials credentials, ConnectionSettings connection,
			@Nullable Instant watermark) {
		CrmCredentials.HubSpot secrets = (CrmCredentials.HubSpot) credentials;
		String url = (connection.apiUrl().endsWith("/") ? connection.apiUrl().substring(0, connection.apiUrl().length() - 1)
				: connection.apiUrl()) + "/crm/v3/objects/deals/search";
		Map<String, String> headers = Map.of(HttpHeaders.AUTHORIZATION, "Bearer " + secrets.accessToken(), HttpHeaders.CONTENT_TYPE,
				MediaType.APPLICATION_JSON_VALUE, HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE);
		return page(tenant, url, headers, connection, watermark, null)
			.expand(page -> page.next() == null || !canPage(page.next()) ? Mono.empty()
					: page(tenant, url, headers, connection, watermark, page.next()));
	}

	/** Whether HubSpot serves the page after this cursor (it stops at 10,000 results per search). */
	static boolean canPage(String after) {
		try {
			return Long.parseLong(after) < SEARCH_RESULTS_MAX;
		}
		catch (NumberFormatException ex) {
			// An opaque cursor: HubSpot says where the results end.
			return true;
		}
	}

	/** The search request's body. */
	Map<String, Object> search(ConnectionSettings connection, @Nullable Instant watermark, @Nullable String after) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("filterGroups", watermark == null ? List.of()
				: List.of(Map.of("filters", List.of(Map.of("propertyName", "hs_lastmodifieddate", "operator", "GT", "value",
						Long.toString(watermark.toEpochMilli()))))));
		body.put("sorts", List.of(Map.of("propertyName", "hs_lastmodifieddate", "direction", "ASCENDING")));
		body.put("properties", List.copyOf(properties(connection)));
		body.put("limit", settings.pageSize());
		if (after != null) {
			body.put("after", after);
		}
		return body;
	}

	private Mono<ProviderResponses.Page> page(String tenant, String url, Map<String, String> headers, ConnectionSettings connection,
			@Nullable Instant watermark, @Nullable String after) {
		return Mono.fromCallable(() -> json.writeValueAsBytes(search(connection, watermark, after)))
			.flatMap(body -> calls.call(CrmProvider.HUBSPOT, tenant, HttpMethod.POST, url, headers, body))
			.map(body -> parse(ProviderResponses.read(json, body), connection));
	}

	private static Set<String> properties(ConnectionSettings connection) {
		Set<String> properties = new LinkedHashSet<>(PROPERTIES);
		properties.add(product(connection));
		for (@Nullable String field : new @Nullable String[] { connection.regionField(), connection.currencyField(), connection.arrField() }) {
			if (field != null) {
				properties.add(field);
			}
		}
		return properties;
	}

	private static String product(ConnectionSettings connection) {
		return connection.productField() == null ? "dealtype" : connection.productField();
	}

	/** One search answer: {@code {total, results: [{id, properties: {...}, updatedAt}], paging: {next: {after}}}}. */
	static ProviderResponses.Page parse(JsonNode root, ConnectionSettings connection) {
		JsonNode results = root.path("results");
		if (!results.isArray()) {
			throw new ProviderResponses.Invalid("a search answer has no results");
		}
		List<ProviderRecord> found = new ArrayList<>(results.size());
		for (JsonNode result : results) {
			JsonNode properties = result.path("properties");
			if (!properties.isObject()) {
				throw new ProviderResponses.Invalid("a result has no properties");
			}
			String modified = ProviderResponses.text(properties.path("hs_lastmodifieddate"));
			if (modified == null) {
				modified = ProviderResponses.text(result.path("updatedAt"));
			}
			found.add(new ProviderRecord(ProviderResponses.required(result, "id"),
					modified == null ? null : DealMapping.instant(modified).orElse(null), property(properties, "hubspot_owner_id"),
					property(properties, "amount"), property(properties, connection.currencyField()), property(properties, "closedate"),
					property(properties, "dealstage"), property(properties, product(connection)),
					property(properties, connection.regionField()), property(properties, connection.arrField())));
		}
		String next = ProviderResponses.text(root.path("paging").path("next").path("after"));
		Long total = root.path("total").isIntegralNumber() ? root.path("total").asLong() : null;
		return new ProviderResponses.Page(found, total, next);
	}

	private static @Nullable String property(JsonNode properties, @Nullable String name) {
		return name == null ? null : ProviderResponses.text(properties.path(name));
	}

}
