package com.performanceos.ledger.bank;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import com.performanceos.platform.scheduling.PeriodicWork;

/**
 * The polling fallback: every interval, asks the aggregator for the recent transactions of every
 * connected bank account and ingests them like a webhook delivery (re-deliveries are ignored, so
 * polling and webhooks may overlap freely). Off when {@code performanceos.bank.aggregator.base-url}
 * is unset. One account's failure never stops the round; an open circuit breaker makes the rest of
 * the round fail fast.
 */
@Component
class AggregatorPolling extends PeriodicWork {

	static final String ACTOR = "bank-aggregator-polling";

	/** Most routes one round polls, all tenants together. */
	static final int ROUTES_PER_ROUND_MAX = 10_000;

	private static final Logger log = LoggerFactory.getLogger(AggregatorPolling.class);

	private final TransactionIngestion ingestion;

	private final BankAggregatorProperties properties;

	private final JsonMapper json;

	AggregatorPolling(TransactionIngestion ingestion, BankAggregatorProperties properties, JsonMapper json) {
		super("bank-aggregator-polling");
		this.ingestion = ingestion;
		this.properties = properties;
		this.json = json;
	}

	/** One polling round through the client: the number of new transactions stored. */
	static Mono<Integer> pollOnce(TransactionIngestion ingestion, AggregatorClient client, int lookbackDays) {
		LocalDate since = LocalDate.now(ZoneOffset.UTC).minusDays(lookbackDays);
		return ingestion.routes(ROUTES_PER_ROUND_MAX)
			.flatMapMany(Flux::fromIterable)
			.concatMap(route -> poll(ingestion, client, route, since)
				.onErrorResume(failure -> {
					log.warn("Polling the bank aggregator for account {} failed: {}", route.externalId(), failure.toString());
					return Mono.just(0);
				}))
			.reduce(0, Integer::sum);
	}

	/** Polls one connected bank account: the number of new transactions stored. */
	static Mono<Integer> poll(TransactionIngestion ingestion, AggregatorClient client, TransactionIngestion.Route route, LocalDate since) {
		return client.transactions(route.tenant(), route.externalId(), since)
			.flatMap(batch -> ingestion.ingest(route, batch.transactions(), ACTOR, null))
			.map(TransactionIngestion.Result::stored);
	}

	@Override
	protected Optional<Schedule> schedule() {
		// An empty setting binds to an empty URI rather than null: both mean "webhooks only".
		if (properties.baseUrl() == null || properties.baseUrl().toString().isBlank()) {
			return Optional.empty();
		}
		AggregatorClient client = new AggregatorClient(WebClient.builder(), properties.baseUrl(), properties.polling(), json);
		return Optional.of(new Schedule(properties.polling().interval(), () -> pollOnce(ingestion, client, properties.polling().lookbackDays())));
	}

}
