package com.performanceos.platform.ai;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.performanceos.platform.scheduling.PeriodicWork;
import com.performanceos.platform.tenancy.TenantDatabase;
import com.performanceos.platform.tenancy.TenantTransaction;

/**
 * Answers queued requests every {@code performanceos.ai.drain-interval}, oldest first, tenant by tenant. Each request
 * is claimed ({@code FOR UPDATE SKIP LOCKED}), asked, applied by its feature ({@link AiAnswers}) and marked done in one
 * transaction: instances never answer the same request twice, and a crash before the commit leaves it queued, so a
 * restart loses nothing and duplicates nothing. The first failure stops the tenant's pass (the provider is still down);
 * a tenant whose queue is empty has its outage closed. A tick that arrives while a pass is running is dropped.
 */
@Component
class AiQueueDrain extends PeriodicWork {

	private static final Logger log = LoggerFactory.getLogger(AiQueueDrain.class);

	private enum Step {
		ANSWERED, EMPTY, STOPPED
	}

	private final DatabaseClient system;

	private final TenantDatabase database;

	private final AiQueue queue;

	private final AiClient client;

	private final AiAlerts alerts;

	private final Map<String, AiAnswers> handlers;

	private final AiProperties settings;

	AiQueueDrain(DatabaseClient system, TenantDatabase database, AiQueue queue, AiClient client, AiAlerts alerts, List<AiAnswers> handlers,
			AiProperties settings) {
		super("ai-queue-drain");
		this.system = system;
		this.database = database;
		this.queue = queue;
		this.client = client;
		this.alerts = alerts;
		this.handlers = handlers.stream().collect(Collectors.toUnmodifiableMap(AiAnswers::purpose, Function.identity()));
		this.settings = settings;
	}

	@Override
	protected Optional<Schedule> schedule() {
		return client.configured() ? Optional.of(new Schedule(settings.drainInterval(), this::drainAll)) : Optional.empty();
	}

	/** One pass over every tenant that ever queued a request. */
	Mono<Void> drainAll() {
		return queue.tenants(system).flatMapMany(Flux::fromIterable).concatMap(this::drain).then();
	}

	/** Answers up to {@code drain-batch-max} of the tenant's queued requests; closes its outage once none is left. */
	Mono<Void> drain(String tenant) {
		return Flux.range(0, settings.drainBatchMax())
			.concatMap(attempt -> database.run(tenant, tx -> next(tx)), 1)
			.takeUntil(step -> step != Step.ANSWERED)
			.then(database.run(tenant, tx -> queue.queuedCount(tx).flatMap(left -> left == 0 ? alerts.closeOutage(tx) : Mono.just(false))))
			.onErrorResume(ex -> {
				log.warn("AI queue of tenant {} not drained; its requests stay queued: {}", tenant, ex.toString());
				return Mono.empty();
			})
			.then();
	}

	private Mono<Step> next(TenantTransaction tx) {
		return queue.claim(tx, 1).flatMap(claimed -> claimed.isEmpty() ? Mono.just(Step.EMPTY) : answer(tx, claimed.getFirst()));
	}

	private Mono<Step> answer(TenantTransaction tx, AiQueue.Queued request) {
		AiAnswers handler = handlers.get(request.purpose());
		if (handler == null) {
			log.error("No AiAnswers bean for purpose {}; request {} stays queued", request.purpose(), request.key());
			return Mono.just(Step.STOPPED);
		}
		return client.admission(tx, request.module()).map(refused -> Step.STOPPED)
			.switchIfEmpty(Mono.defer(() -> client.call(tx, request.prompt())
				.flatMap(answer -> client.account(tx, request.module(), answer)
					.flatMap(crossed -> handler.answered(tx, request.subjectKey(), answer)
						.then(queue.done(tx, request.key()))
						.doOnSuccess(done -> client.announce(tx.tenant(), crossed))
						.thenReturn(Step.ANSWERED)))
				.onErrorResume(AiClient.ProviderUnavailable.class, ex -> queue.attempted(tx, request.key()).thenReturn(Step.STOPPED))));
	}

}
