package com.performanceos.platform.events;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Delivers committed outbox events to every {@link OutboxSink}, at least once. Each sink has its own loop: every
 * poll interval it claims a bounded batch of due deliveries, hands it to the sink and deletes the rows in the same
 * transaction, and keeps going while batches come back full. A batch that failed transiently is rolled back and, in a
 * separate transaction, pushed back with exponential backoff; a failing sink never holds back the others. A batch the
 * sink refused for a permanent reason ({@link PermanentDeliveryFailure}) is split until the refused events stand alone:
 * they are parked in {@code outbox_parked}, the rest is delivered, so no valid event waits on an invalid one.
 *
 * <p>The loops are reactive chains timed by a dedicated scheduler; database work runs on the R2DBC driver's
 * threads and blocking sinks move their work off them, so no event-loop thread ever waits.
 *
 * <p>As a {@link SmartLifecycle} it stops after the web server (a lower phase), so the events of requests that
 * completed during graceful shutdown are relayed: it stops claiming, lets the batches in flight finish, then makes
 * one last pass bounded by the shutdown drain timeout. Whatever that pass leaves stays pending for another instance
 * or the next start.
 */
@Component
final class OutboxRelay implements SmartLifecycle {

	/** After the web server's graceful shutdown and stop phases, before the beans it uses are destroyed. */
	static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	private final List<OutboxSink> sinks;

	private final OutboxDeliveries deliveries;

	private final EventsProperties.Relay settings;

	private final OutboxMetrics metrics;

	private final Object lifecycleLock = new Object();

	private volatile boolean claiming;

	private volatile boolean running;

	private Scheduler scheduler = Schedulers.immediate();

	private Sinks.Empty<Void> stopRequested = Sinks.empty();

	private Sinks.Empty<Void> loopsFinished = Sinks.empty();

	private Disposable loops = Disposables.disposed();

	OutboxRelay(List<OutboxSink> sinks, OutboxDeliveries deliveries, EventsProperties properties,
			MeterRegistry registry) {
		this.sinks = List.copyOf(sinks);
		this.deliveries = deliveries;
		this.settings = properties.relay();
		this.metrics = new OutboxMetrics(registry, this.sinks.stream().map(OutboxSink::name).toList());
	}

	@Override
	public void start() {
		synchronized (lifecycleLock) {
			if (running) {
				return;
			}
			scheduler = Schedulers.newSingle("outbox-relay");
			stopRequested = Sinks.empty();
			loopsFinished = Sinks.empty();
			claiming = true;
			Sinks.Empty<Void> finished = loopsFinished;
			Flux<Void> relays = Flux.fromIterable(sinks).flatMap(this::loop);
			loops = Flux.merge(relays, refreshMetrics())
				.subscribe(null, error -> finished.tryEmitEmpty(), finished::tryEmitEmpty);
			running = true;
			log.info("Outbox relay started for sinks {}", sinks.stream().map(OutboxSink::name).toList());
		}
	}

	@Override
	public void stop(Runnable callback) {
		synchronized (lifecycleLock) {
			if (!running) {
				callback.run();
				return;
			}
			claiming = false;
			stopRequested.tryEmitEmpty();
			Scheduler stopping = scheduler;
			Mono<Void> lastPass = Flux.fromIterable(sinks).flatMap(sink -> drain(sink, true)).then();
			loopsFinished.asMono()
				.then(lastPass)
				.timeout(settings.shutdownDrainTimeout())
				.onErrorResume(error -> {
					log.warn("Outbox relay stopped before its last pass finished; pending events stay in the outbox: {}",
							error instanceof TimeoutException ? "timed out" : error.toString());
					return Mono.empty();
				})
				.doFinally(signal -> {
					loops.dispose();
					stopping.dispose();
					running = false;
					log.info("Outbox relay stopped");
					callback.run();
				})
				.subscribe();
		}
	}

	/** The blocking form, for callers outside the lifecycle processor; waits at most the drain timeout and a bit. */
	@Override
	public void stop() {
		CountDownLatch stopped = new CountDownLatch(1);
		stop(stopped::countDown);
		try {
			if (!stopped.await(settings.shutdownDrainTimeout().plusSeconds(1).toMillis(), TimeUnit.MILLISECONDS)) {
				log.warn("Outbox relay did not confirm its stop in time");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	/** Every poll interval, drains the sink; ticks that fall while a drain runs are skipped, not queued. */
	private Flux<Void> loop(OutboxSink sink) {
		return Flux.interval(Duration.ZERO, settings.pollInterval(), scheduler)
			.takeUntilOther(stopRequested.asMono())
			.onBackpressureDrop()
			.concatMap(tick -> drain(sink, false), 1)
			.thenMany(Flux.empty());
	}

	/**
	 * Delivers batch after batch while they come back non-empty (a batch may stop short at the byte budget with more
	 * due), so a backlog is worked off at full speed; stops at the first empty batch, or as soon as the relay stops
	 * claiming unless this is the shutdown pass.
	 */
	private Mono<Void> drain(OutboxSink sink, boolean lastPass) {
		return relayBatch(sink)
			.expand(delivered -> delivered > 0 && (claiming || lastPass) ? relayBatch(sink) : Mono.empty())
			.then();
	}

	/**
	 * One batch: the number of deliveries it settled (taken or parked), zero when there was nothing to do or the
	 * attempt failed.
	 */
	private Mono<Integer> relayBatch(OutboxSink sink) {
		return deliveries
			.inClaim(sink.name(), settings.batchSize(), settings.batchBytes().toBytes(), batch -> deliver(sink, batch))
			.doOnNext(outcome -> record(sink, outcome))
			.map(Outcome::settled)
			.onErrorResume(DeliveryFailed.class, failed -> recordFailure(sink, failed).thenReturn(0))
			.onErrorResume(error -> {
				// The database itself failed: the claim rolled back and the rows are due again on the next tick.
				log.warn("Outbox relay for sink '{}' could not reach the database: {}", sink.name(), error.toString());
				return Mono.just(0);
			});
	}

	/**
	 * Hands the batch to the sink. A transient failure leaves the claim transaction as an error so that it rolls back
	 * and is recorded after, for the whole batch. A permanent one starts the search for the refused events, whose
	 * outcome (delivered, parked, retried) is written in the claim transaction.
	 */
	private Mono<Outcome> deliver(OutboxSink sink, List<DomainEvent> batch) {
		if (batch.isEmpty()) {
			return Mono.just(Outcome.NONE);
		}
		return attempt(sink, batch)
			.onErrorResume(error -> PermanentDeliveryFailure.isPermanent(error) ? isolate(sink, batch, error)
					: Mono.error(new DeliveryFailed(ids(batch), error)))
			.flatMap(outcome -> settle(sink, outcome));
	}

	/** One call of the sink, bounded by the delivery timeout; when it completes, every event of the call is delivered. */
	private Mono<Outcome> attempt(OutboxSink sink, List<DomainEvent> events) {
		return Mono.defer(() -> sink.deliver(events))
			.timeout(settings.deliveryTimeout())
			.then(Mono.fromSupplier(() -> Outcome.delivered(events)));
	}

	/**
	 * Finds the events the sink refused for good among {@code events}, which it refused as a whole, by halving: each
	 * half it takes is delivered, each half it refuses for good is halved again until a refused event stands alone and
	 * is parked, each half that fails transiently is retried later with backoff. With k refused events among n this
	 * costs about 2k·log2(n) calls of the sink (a batch holds at most {@link EventsProperties.Relay#BATCH_SIZE_MAX}).
	 */
	private Mono<Outcome> isolate(OutboxSink sink, List<DomainEvent> events, Throwable error) {
		if (events.size() == 1) {
			return Mono.just(Outcome.parked(events.get(0), error));
		}
		int middle = events.size() / 2;
		return Flux.just(events.subList(0, middle), events.subList(middle, events.size()))
			.concatMap(half -> attempt(sink, half).onErrorResume(halfError -> PermanentDeliveryFailure.isPermanent(halfError)
					? isolate(sink, half, halfError) : Mono.just(Outcome.retried(half, halfError))))
			.reduce(Outcome::plus);
	}

	/** Writes an outcome in the claim transaction: parks, pushes back and completes. */
	private Mono<Outcome> settle(OutboxSink sink, Outcome outcome) {
		Mono<Void> parked = Flux.fromIterable(outcome.parked())
			.concatMap(entry -> deliveries.park(sink.name(), entry.event(), reason(entry.error())))
			.then();
		Mono<Void> retried = Flux.fromIterable(outcome.retried())
			.concatMap(entry -> deliveries.recordFailure(sink.name(), ids(entry.events()), entry.error(),
					settings.initialBackoff(), settings.maxBackoff()))
			.then();
		List<UUID> delivered = ids(outcome.delivered());
		Mono<Void> completed = delivered.isEmpty() ? Mono.empty() : deliveries.complete(sink.name(), delivered);
		return parked.then(retried).then(completed).thenReturn(outcome);
	}

	private void record(OutboxSink sink, Outcome outcome) {
		if (!outcome.delivered().isEmpty()) {
			metrics.delivered(sink.name(), outcome.delivered().size());
		}
		for (Outcome.Parked entry : outcome.parked()) {
			metrics.parked(sink.name(), 1);
			DomainEvent event = entry.event();
			// The operator's trail: which event, whose, and why. The tenant's ADMIN sees the same through parkedEvents.
			log.warn("Sink '{}' refused outbox event {} ({}, tenant '{}') for good; parked until replayed: {}", sink.name(),
					event.id(), event.type(), event.tenant(), entry.error().toString());
		}
		for (Outcome.Retried entry : outcome.retried()) {
			metrics.failed(sink.name(), entry.events().size());
			log.warn("Sink '{}' did not take {} outbox events; they stay pending and are retried with backoff: {}",
					sink.name(), entry.events().size(), entry.error().toString());
		}
	}

	private static String reason(Throwable error) {
		PermanentDeliveryFailure permanent = PermanentDeliveryFailure.permanentCause(error);
		String message = permanent != null ? permanent.getMessage() : null;
		return message != null ? message : "refused by the sink";
	}

	private static List<UUID> ids(List<DomainEvent> events) {
		return events.stream().map(DomainEvent::id).toList();
	}

	private Mono<Void> recordFailure(OutboxSink sink, DeliveryFailed failed) {
		metrics.failed(sink.name(), failed.eventIds.size());
		log.warn("Sink '{}' did not take {} outbox events; they stay pending and are retried with backoff: {}",
				sink.name(), failed.eventIds.size(), failed.getCause().toString());
		return deliveries.recordFailure(sink.name(), failed.eventIds, failed.getCause(), settings.initialBackoff(),
				settings.maxBackoff());
	}

	/** Recomputes the backlog gauges from the database, off the scrape path. */
	private Flux<Void> refreshMetrics() {
		return Flux.interval(Duration.ZERO, settings.metricsRefreshInterval(), scheduler)
			.takeUntilOther(stopRequested.asMono())
			.onBackpressureDrop()
			.concatMap(tick -> deliveries.backlog().collectList().doOnNext(metrics::refresh)
				.then(deliveries.parkedBacklog().collectList().doOnNext(metrics::refreshParked))
				.then().onErrorResume(error -> {
				log.debug("Outbox metrics not refreshed: {}", error.toString());
				return Mono.empty();
			}), 1);
	}

	/** Carries the ids of a batch the sink refused out of its claim transaction, which the error rolls back. */
	private static final class DeliveryFailed extends RuntimeException {

		private final List<UUID> eventIds;

		DeliveryFailed(List<UUID> eventIds, Throwable cause) {
			super(cause.toString(), cause, false, false);
			this.eventIds = eventIds;
		}

	}

}
