package com.performanceos.tenders.watch;

import java.util.Locale;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every HTTP notice source shares: a client bound to its base URL, a circuit breaker of its own, and the
 * resilient fetch of one page (see {@link NoticeConnector#resilient}). A source says only how it asks for a page
 * and how it reads the answer.
 */
abstract class HttpNoticeConnector implements NoticeConnector {

	private final NoticeSource source;

	private final String baseUrl;

	private final CircuitBreaker breaker;

	protected final WebClient web;

	protected final JsonMapper json;

	protected final WatchProperties settings;

	HttpNoticeConnector(NoticeSource source, WebClient.Builder builder, String baseUrl, JsonMapper json, WatchProperties settings) {
		this.source = source;
		this.web = builder.baseUrl(baseUrl).build();
		this.baseUrl = baseUrl;
		this.json = json;
		this.settings = settings;
		this.breaker = NoticeConnector.breaker(source.name().toLowerCase(Locale.ROOT));
	}

	@Override
	public final NoticeSource source() {
		return source;
	}

	@Override
	public final String baseUrl() {
		return baseUrl;
	}

	@Override
	public final Mono<Page> fetch(String watermark, int page) {
		return NoticeConnector.resilient(request(watermark, page), breaker, settings).map(body -> parse(json.readTree(body), watermark));
	}

	/** One attempt at the page {@code page} (from 0) of the notices published from {@code watermark}: the raw answer. */
	protected abstract Mono<byte[]> request(String watermark, int page);

	/** The notices of one answer, and the watermark the next poll starts from. */
	protected abstract Page parse(JsonNode answer, String watermark);

}
