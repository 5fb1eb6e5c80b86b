package com.performanceos.rules.sales.crm;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

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
 * Salesforce opportunities through the REST query API: an OAuth 2.0 client-credentials token from the org's My Domain,
 * then a SOQL query over {@code Opportunity} filtered on {@code LastModifiedDate > watermark} and ordered by it, its
 * pages followed through {@code nextRecordsUrl} (a path on the same org: a page never sends the token elsewhere).
 */
@Component
class SalesforceClient implements CrmClient {

	/** The standard fields every sync reads; the owner's e-mail names the rep. */
	private static final List<String> FIELDS = List.of("Id", "Amount", "CloseDate", "StageName", "Owner.Email", "LastModifiedDate");

	/** What a {@code nextRecordsUrl} looks like: {@code /services/data/v62.0/query/01gD0000002HU6KIAW-2000}. */
	private static final Pattern NEXT_RECORDS = Pattern.compile("/services/data/v[0-9]{2}\\.0/query/[A-Za-z0-9]{1,40}-[0-9]{1,9}");

	private final ProviderCalls calls;

	private final JsonMapper json;

	private final CrmProperties settings;

	SalesforceClient(ProviderCalls calls, JsonMapper json, CrmProperties settings) {
		this.calls = calls;
		this.json = json;
		this.settings = settings;
	}

	@Override
	public CrmProvider provider() {
		return CrmProvider.SALESFORCE;
	}

	@Override
	public Flux<ProviderResponses.Page> changedSince(String tenant, CrmCredentials credentials, ConnectionSettings connection,
			@Nullable Instant watermark) {
		CrmCredentials.Salesforce secrets = (CrmCredentials.Salesforce) credentials;
		String base = base(connection.apiUrl());
		String first = base + "/services/data/" + settings.salesforceApiVersion() + "/query?q="
				+ URLEncoder.encode(soql(connection, watermark), StandardCharsets.UTF_8);
		return token(tenant, base, secrets).flatMapMany(token -> {
			Map<String, String> headers = Map.of(HttpHeaders.AUTHORIZATION, "Bearer " + token, HttpHeaders.ACCEPT,
					MediaType.APPLICATION_JSON_VALUE);
			return page(tenant, first, headers, connection)
				.expand(page -> page.next() == null ? Mono.empty() : page(tenant, base + page.next(), headers, connection));
		});
	}

	/** The query: the standard fields and the connection's own, changed after the watermark, oldest change first. */
	static String soql(ConnectionSettings connection, @Nullable Instant watermark) {
		Set<String> fields = new LinkedHashSet<>(FIELDS);
		fields.add(connection.productField() == null ? "Type" : connection.productField());
		for (@Nullable String field : new @Nullable String[] { connection.regionField(), connection.currencyField(), connection.arrField() }) {
			if (field != null) {
				fields.add(field);
			}
		}
		// The field names were checked against ConnectionSettings.FIELD_NAME when the connection was configured; checked
		// again here because they are written into the query.
		fields.forEach(field -> {
			if (!ConnectionSettings.FIELD_NAME.matcher(field).matches()) {
				throw new IllegalStateException("Not a field name: " + field);
			}
		});
		// LastModifiedDate has whole seconds; a SOQL date-time literal is written without quotes.
		String filter = watermark == null ? ""
				: " WHERE LastModifiedDate > " + watermark.truncatedTo(ChronoUnit.SECONDS).toString();
		return "SELECT " + String.join(", ", fields) + " FROM Opportunity" + filter + " ORDER BY LastModifiedDate ASC, Id ASC";
	}

	private Mono<String> token(String tenant, String base, CrmCredentials.Salesforce secrets) {
		String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(secrets.clientId(), StandardCharsets.UTF_8)
				+ "&client_secret=" + URLEncoder.encode(secrets.clientSecret(), StandardCharsets.UTF_8);
		return calls.call(CrmProvider.SALESFORCE, tenant, HttpMethod.POST, base + "/services/oauth2/token",
				Map.of(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_FORM_URLENCODED_VALUE, HttpHeaders.ACCEPT,
						MediaType.APPLICATION_JSON_VALUE),
				form.getBytes(StandardCharsets.UTF_8))
			.map(body -> ProviderResponses.required(ProviderResponses.read(json, body), "access_token"));
	}

	private Mono<ProviderResponses.Page> page(String tenant, String url, Map<String, String> headers, ConnectionSettings connection) {
		return calls.call(CrmProvider.SALESFORCE, tenant, HttpMethod.GET, url, headers, null)
			.map(body -> parse(ProviderResponses.read(json, body), connection));
	}

	/** One query result: {@code {totalSize, done, nextRecordsUrl, records: [{attributes, Id, ...}]}}. */
	static ProviderResponses.Page parse(JsonNode root, ConnectionSettings connection) {
		JsonNode records = root.path("records");
		if (!records.isArray() || !root.path("done").isBoolean()) {
			throw new ProviderResponses.Invalid("a query result has no records or no done flag");
		}
		String next = null;
		if (!root.path("done").asBoolean()) {
			next = ProviderResponses.text(root.path("nextRecordsUrl"));
			if (next == null || !NEXT_RECORDS.matcher(next).matches()) {
				throw new ProviderResponses.Invalid("a query result that is not done has no well-formed nextRecordsUrl");
			}
		}
		List<ProviderRecord> found = new ArrayList<>(records.size());
		for (JsonNode record : records) {
			String modified = ProviderResponses.text(record.path("LastModifiedDate"));
			found.add(new ProviderRecord(ProviderResponses.required(record, "Id"),
					modified == null ? null : DealMapping.instant(modified).orElse(null), value(record, "Owner.Email"), value(record, "Amount"),
					field(record, connection.currencyField()), value(record, "CloseDate"), value(record, "StageName"),
					field(record, connection.productField() == null ? "Type" : connection.productField()),
					field(record, connection.regionField()), field(record, connection.arrField())));
		}
		Long total = root.path("totalSize").isIntegralNumber() ? root.path("totalSize").asLong() : null;
		return new ProviderResponses.Page(found, total, next);
	}

	private static @Nullable String field(JsonNode record, @Nullable String name) {
		return name == null ? null : value(record, name);
	}

	/** A field of a record, following one relationship ({@code Owner.Email} is {@code "Owner": {"Email": ...}}). */
	private static @Nullable String value(JsonNode record, String name) {
		int dot = name.indexOf('.');
		JsonNode node = dot < 0 ? record.path(name) : record.path(name.substring(0, dot)).path(name.substring(dot + 1));
		return ProviderResponses.text(node);
	}

	private static String base(String apiUrl) {
		return apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl;
	}

}
