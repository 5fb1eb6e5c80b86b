package com.performanceos.tenders.watch;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import com.performanceos.platform.scheduling.PeriodicWork;

/**
 * Polls BOAMP and TED every interval when their base URLs are set: reloads the saved searches (so searches saved on
 * another instance are matched), then polls each source from its watermark. A source's failure is logged and never
 * stops the other's; an open circuit breaker makes its polls fail at once until its trial call.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WatchProperties.class)
class WatchPolling extends PeriodicWork {

	private static final Logger log = LoggerFactory.getLogger(WatchPolling.class);

	private final MarketWatch watch;

	private final WatchProperties properties;

	private final JsonMapper json;

	WatchPolling(MarketWatch watch, WatchProperties properties, JsonMapper json) {
		super("market-watch-polling");
		this.watch = watch;
		this.properties = properties;
		this.json = json;
	}

	@Override
	protected Optional<Schedule> schedule() {
		List<NoticeConnector> connectors = new ArrayList<>();
		if (set(properties.boampBaseUrl())) {
			connectors.add(new BoampConnector(WebClient.builder(), properties.boampBaseUrl().toString(), json, properties));
		}
		if (set(properties.tedBaseUrl())) {
			connectors.add(new TedConnector(WebClient.builder(), properties.tedBaseUrl().toString(), json, properties));
		}
		if (connectors.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new Schedule(properties.interval(), () -> watch.reload().thenMany(Flux.fromIterable(connectors))
			.concatMap(connector -> watch.poll(connector, properties.pagesPerPoll())
				.doOnNext(done -> log.info("Polled {}: {} notices, {} new, {} already known, {} matches", connector.source(), done.received(),
						done.created(), done.duplicates(), done.matches()))
				.onErrorResume(failure -> {
					log.warn("Polling {} failed: {}", connector.source(), failure.toString());
					return Mono.empty();
				})).then()));
	}

	private static boolean set(@Nullable URI url) {
		// An empty setting binds to an empty URI rather than null: both mean "off".
		return url != null && !url.toString().isBlank();
	}

}
