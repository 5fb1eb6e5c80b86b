package com.performanceos.tenders.watch;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * BOAMP, the DILA's open data on OpenDataSoft (explore API v2.1, dataset {@code boamp}):
 * {@code GET /catalog/datasets/boamp/records?where=dateparution>=date'…'&order_by=dateparution,idweb&limit&offset}.
 * Calls for tenders only ({@code nature_categorise} {@code appeloffre/…}); CPV codes are read from the notice's
 * {@code donnees} (eForms {@code cbc:ItemClassificationCode} with {@code @listName} cpv, or the older
 * {@code CPV.PRINCIPAL}); list fields may come as scalars and text is HTML-entity encoded, as public parsers report.
 */
final class BoampConnector extends HttpNoticeConnector {

	BoampConnector(WebClient.Builder builder, String baseUrl, JsonMapper json, WatchProperties settings) {
		super(NoticeSource.BOAMP, builder, baseUrl, json, settings);
	}

	@Override
	protected Mono<byte[]> request(String watermark, int page) {
		LocalDate from = LocalDate.parse(watermark);
		return web.get()
			.uri(uri -> uri.path("/catalog/datasets/boamp/records")
				.queryParam("where", "{where}")
				.queryParam("order_by", "dateparution,idweb")
				.queryParam("limit", settings.pageSize())
				.queryParam("offset", page * settings.pageSize())
				.build("dateparution>=date'" + from + "'"))
			.retrieve()
			.bodyToMono(byte[].class);
	}

	@Override
	protected Page parse(JsonNode answer, String watermark) {
		JsonNode results = answer.path("results");
		List<Notice> notices = new ArrayList<>();
		String latest = watermark;
		for (JsonNode record : results) {
			String published = text(record, "dateparution");
			if (published != null && published.compareTo(latest) > 0) {
				latest = published.substring(0, 10);
			}
			String nature = text(record, "nature_categorise");
			if (nature != null && !nature.startsWith("appeloffre")) {
				continue;
			}
			String id = text(record, "idweb");
			String title = text(record, "objet");
			String buyer = text(record, "nomacheteur");
			if (id == null || title == null || buyer == null || published == null) {
				continue;
			}
			String deadline = text(record, "datelimitereponse");
			notices.add(new Notice(NoticeSource.BOAMP, id, Entities.decode(title), Entities.decode(buyer), cpvCodes(record),
					list(record.path("code_departement")), null, deadline == null ? null : instant(deadline), text(record, "url_avis"),
					LocalDate.parse(published.substring(0, 10))));
		}
		return new Page(notices, latest, results.size() == settings.pageSize());
	}

	/** CPV codes (8 digits) found in the notice's full content, main first. */
	private List<String> cpvCodes(JsonNode record) {
		Set<String> codes = new LinkedHashSet<>();
		String donnees = text(record, "donnees");
		if (donnees != null) {
			collectCpv(json.readTree(donnees), codes, 0);
		}
		return List.copyOf(codes);
	}

	private static void collectCpv(JsonNode node, Set<String> codes, int depth) {
		// The content is a converted XML document of bounded depth; the bound guards against a pathological one.
		if (depth > 64) {
			return;
		}
		if (node.isObject()) {
			if ("cpv".equalsIgnoreCase(node.path("@listName").asString("")) && node.has("#text")) {
				add(codes, node.get("#text").asString(""));
			}
			if (node.has("CPV") && node.get("CPV").has("PRINCIPAL")) {
				add(codes, node.get("CPV").get("PRINCIPAL").asString(""));
			}
			for (String name : node.propertyNames()) {
				collectCpv(node.get(name), codes, depth + 1);
			}
		}
		else if (node.isArray()) {
			for (JsonNode element : node) {
				collectCpv(element, codes, depth + 1);
			}
		}
	}

	private static void add(Set<String> codes, String code) {
		String digits = code.strip();
		if (digits.length() >= 8 && digits.substring(0, 8).chars().allMatch(Character::isDigit)) {
			codes.add(digits.substring(0, 8));
		}
	}

	private static List<String> list(JsonNode node) {
		List<String> values = new ArrayList<>();
		if (node.isArray()) {
			node.forEach(element -> values.add(element.asString("")));
		}
		else if (!node.isMissingNode() && !node.isNull()) {
			values.add(node.asString(""));
		}
		return values.stream().filter(value -> !value.isBlank()).toList();
	}

	private static @Nullable String text(JsonNode record, String field) {
		JsonNode value = record.path(field);
		return value.isMissingNode() || value.isNull() ? null : value.asString();
	}

	static Instant instant(String dateTime) {
		return OffsetDateTime.parse(dateTime).toInstant();
	}

}
