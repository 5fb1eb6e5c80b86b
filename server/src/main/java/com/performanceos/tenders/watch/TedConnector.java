package com.performanceos.tenders.watch;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * TED, the EU's Tenders Electronic Daily (search API v3): {@code POST /v3/notices/search} with an expert query on
 * the publication date ({@code PD>=yyyyMMdd}), the fields below and page numbers. Only requested fields come back
 * and absent values are missing keys; titles are per language ("Country – CPV label – title"), buyers per language
 * as arrays, lot fields as arrays (one entry per lot), values as bare numbers with their currency apart.
 */
final class TedConnector extends HttpNoticeConnector {

	static final List<String> FIELDS = List.of("publication-number", "PD", "TI", "organisation-name-buyer", "classification-cpv",
			"main-classification-lot", "total-value", "total-value-cur", "deadline-receipt-tender-date-lot", "deadline-receipt-tender-time-lot",
			"place-of-performance-subdiv-lot", "links");

	/** TED titles start with the country and the CPV label: "Suède – Services juridiques – Visselblåsarfunktion". */
	private static final String TITLE_SEPARATOR = " – ";

	TedConnector(WebClient.Builder builder, String baseUrl, JsonMapper json, WatchProperties settings) {
		super(NoticeSource.TED, builder, baseUrl, json, settings);
	}

	@Override
	protected Mono<byte[]> request(String watermark, int page) {
		String query = "PD>=" + LocalDate.parse(watermark).toString().replace("-", "") + " SORT BY publication-number ASC";
		Map<String, Object> request = Map.of("query", query, "fields", FIELDS, "limit", settings.pageSize(), "page", page + 1, "scope", "ALL",
				"paginationMode", "PAGE_NUMBER", "checkQuerySyntax", false);
		return web.post()
			.uri("/v3/notices/search")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(json.writeValueAsBytes(request))
			.retrieve()
			.bodyToMono(byte[].class);
	}

	@Override
	protected Page parse(JsonNode answer, String watermark) {
		JsonNode notices = answer.path("notices");
		List<Notice> parsed = new ArrayList<>();
		String latest = watermark;
		for (JsonNode notice : notices) {
			String number = notice.path("publication-number").asString(null);
			String published = notice.path("PD").asString(null);
			if (number == null || published == null) {
				continue;
			}
			LocalDate publishedOn = LocalDate.parse(published.substring(0, 10));
			if (publishedOn.toString().compareTo(latest) > 0) {
				latest = publishedOn.toString();
			}
			String title = title(notice.path("TI"));
			String buyer = first(notice.path("organisation-name-buyer"));
			if (title == null || buyer == null) {
				continue;
			}
			parsed.add(new Notice(NoticeSource.TED, number, title, buyer, cpvCodes(notice), List.of(), value(notice), deadline(notice),
					notice.path("links").path("html").path("FRA").asString(null), publishedOn));
		}
		return new Page(parsed, latest, notices.size() == settings.pageSize());
	}

	/** The French title (else the English one) without its country and CPV label. */
	static @Nullable String title(JsonNode titles) {
		String title = titles.path("fra").asString(null);
		if (title == null) {
			title = titles.path("eng").asString(null);
		}
		if (title == null) {
			return null;
		}
		int first = title.indexOf(TITLE_SEPARATOR);
		int second = first < 0 ? -1 : title.indexOf(TITLE_SEPARATOR, first + TITLE_SEPARATOR.length());
		return second < 0 ? title : title.substring(second + TITLE_SEPARATOR.length());
	}

	/** The buyer's name in French, else in the notice's first language. */
	private static @Nullable String first(JsonNode byLanguage) {
		JsonNode names = byLanguage.has("fra") ? byLanguage.get("fra") : byLanguage.isObject() && !byLanguage.isEmpty()
				? byLanguage.get(byLanguage.propertyNames().iterator().next()) : null;
		if (names == null) {
			return null;
		}
		return names.isArray() ? (names.isEmpty() ? null : names.get(0).asString(null)) : names.asString(null);
	}

	private static List<String> cpvCodes(JsonNode notice) {
		Set<String> codes = new LinkedHashSet<>();
		notice.path("main-classification-lot").forEach(code -> codes.add(code.asString("")));
		notice.path("classification-cpv").forEach(code -> codes.add(code.asString("")));
		codes.removeIf(code -> code.length() != 8);
		return List.copyOf(codes);
	}

	/** The total value when it is in euros; other currencies are not converted. */
	private static @Nullable BigDecimal value(JsonNode notice) {
		JsonNode currency = notice.path("total-value-cur");
		String code = currency.isArray() ? (currency.isEmpty() ? null : currency.get(0).asString(null)) : currency.asString(null);
		if (!"EUR".equals(code) || !notice.path("total-value").isNumber()) {
			return null;
		}
		return notice.get("total-value").decimalValue();
	}

	/** The first lot's deadline: its date ("2026-08-25+02:00" or "2026-08-25Z") and time ("23:59:00+02:00"). */
	private static @Nullable Instant deadline(JsonNode notice) {
		JsonNode dates = notice.path("deadline-receipt-tender-date-lot");
		JsonNode times = notice.path("deadline-receipt-tender-time-lot");
		if (dates.isEmpty() || times.isEmpty()) {
			return null;
		}
		LocalDate day = LocalDate.parse(dates.get(0).asString().substring(0, 10));
		OffsetTime time = OffsetTime.parse(times.get(0).asString());
		return OffsetDateTime.of(day, time.toLocalTime(), time.getOffset()).toInstant();
	}

}
