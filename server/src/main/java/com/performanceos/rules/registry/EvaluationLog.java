package com.performanceos.rules.registry;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import jakarta.annotation.PreDestroy;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

import com.performanceos.platform.graphql.ErrorCode;
import com.performanceos.platform.graphql.GraphQlException;
import com.performanceos.platform.tenancy.TenantDatabase;

/**
 * Records every {@code evaluateRule} call in {@code rules_evaluation} without putting a database write on the
 * evaluation's path: a call hands its record to a bounded queue and is answered; one writer drains the queue every
 * flush interval, a batch per tenant in one multi-row insert. Nothing is dropped: a call that finds the queue full waits
 * for room (without holding a thread) and, past the wait limit, fails instead of answering unrecorded; a batch the
 * database refuses stays pending and is written on the next flush; on shut-down the queue is drained. What a crash can
 * lose is what waited less than one flush interval (200 ms by default).
 */
@Component
class EvaluationLog {

	private static final Logger log = LoggerFactory.getLogger(EvaluationLog.class);

	/** How often a caller that found the queue full tries again. */
	private static final Duration OFFER_RETRY = Duration.ofMillis(5);

	/** How long the shut-down waits for the last records to be written. */
	private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(10);

	/**
	 * One recorded call.
	 * @param tenant whose rule
	 * @param ruleKey the rule
	 * @param versionKey the version evaluated
	 * @param versionNumber its number
	 * @param inputCount how many inputs
	 * @param inputSha256 SHA-256 of the inputs' canonical JSON array
	 * @param outputSha256 SHA-256 of the results' canonical JSON array
	 * @param outputJson the results' canonical JSON array, or null when longer than the stored maximum
	 * @param errorCount how many inputs failed
	 * @param durationMicros the engine's time for the whole call
	 * @param caller the subject of the caller's token
	 * @param asOf the day evaluated for
	 * @param evaluatedAt when the call was answered
	 */
	record Entry(String tenant, UUID ruleKey, UUID versionKey, int versionNumber, int inputCount, String inputSha256,
			String outputSha256, @Nullable String outputJson, int errorCount, long durationMicros, String caller, LocalDate asOf,
			Instant evaluatedAt) {
	}

	private final TenantDatabase database;

	private final RuleStore store;

	private final RulesGovernanceProperties settings;

	private final BlockingQueue<Entry> queue;

	/** Records taken from the queue and not yet written; touched only by the writer's single thread. */
	private final List<Entry> pending = new ArrayList<>();

	private final Scheduler writerThread = Schedulers.newSingle("rules-evaluation-log", true);

	private final Disposable writer;

	EvaluationLog(TenantDatabase database, RuleStore store, RulesGovernanceProperties settings) {
		this.database = database;
		this.store = store;
		this.settings = settings;
		this.queue = new ArrayBlockingQueue<>(settings.evaluationLogQueueMax());
		this.writer = Flux.interval(settings.evaluationLogFlushInterval(), writerThread)
			.onBackpressureDrop()
			.concatMap(tick -> flush().onErrorResume(ex -> {
				log.warn("Recorded rule evaluations not written yet ({} pending); retrying on the next flush", pending.size(), ex);
				return Mono.empty();
			}), 1)
			.subscribe();
	}

	/**
	 * Hands a record to the writer; completes once it is queued. A full queue is waited on, never skipped.
	 * @throws GraphQlException (in the Mono) when the queue stayed full past the wait limit
	 */
	Mono<Void> record(Entry entry) {
		return Mono.defer(() -> queue.offer(entry) ? Mono.<Void>empty() : Mono.error(new QueueFull()))
			.retryWhen(Retry.fixedDelay(Long.MAX_VALUE, OFFER_RETRY).filter(QueueFull.class::isInstance))
			.timeout(settings.evaluationLogWaitMax(), Mono.error(() -> new GraphQlException(ErrorCode.SERVICE_UNAVAILABLE,
					"Rule evaluations cannot be recorded fast enough; try again shortly")));
	}

	/** Writes what is queued, a batch per tenant; runs on the writer's thread only. */
	private Mono<Void> flush() {
		return Mono.defer(() -> {
			int room = settings.evaluationLogBatchMax() * 10 - pending.size();
			if (room > 0) {
				queue.drainTo(pending, room);
			}
			if (pending.isEmpty()) {
				return Mono.empty();
			}
			Map<String, List<Entry>> byTenant = new LinkedHashMap<>();
			pending.forEach(entry -> byTenant.computeIfAbsent(entry.tenant(), tenant -> new ArrayList<>()).add(entry));
			return Flux.fromIterable(byTenant.entrySet())
				.concatMap(tenant -> Flux.fromIterable(partition(tenant.getValue(), settings.evaluationLogBatchMax()))
					.concatMap(batch -> database.run(tenant.getKey(), tx -> store.insertEvaluations(tx, batch))
						.publishOn(writerThread)
						.doOnSuccess(written -> {
							// By identity: two calls may have recorded equal entries, and only this batch's are written.
							Set<Entry> done = Collections.newSetFromMap(new IdentityHashMap<>());
							done.addAll(batch);
							pending.removeIf(done::contains);
						})))
				.then();
		});
	}

	private static <T> List<List<T>> partition(List<T> all, int size) {
		List<List<T>> parts = new ArrayList<>();
		for (int from = 0; from < all.size(); from += size) {
			parts.add(List.copyOf(all.subList(from, Math.min(all.size(), from + size))));
		}
		return parts;
	}

	/** Writes what is still queued before the database goes away. */
	@PreDestroy
	void drain() {
		writer.dispose();
		try {
			Mono.defer(() -> flush()).subscribeOn(writerThread)
				.repeat(() -> !queue.isEmpty() || !pending.isEmpty())
				.take(Duration.ofSeconds(DRAIN_TIMEOUT.toSeconds()))
				.blockLast(DRAIN_TIMEOUT.plusSeconds(1));
		}
		catch (RuntimeException ex) {
			log.error("{} recorded rule evaluations could not be written at shut-down", queue.size() + pending.size(), ex);
		}
		finally {
			writerThread.dispose();
		}
	}

	private static final class QueueFull extends RuntimeException {

		QueueFull() {
			super("evaluation log queue full", null, false, false);
		}

	}

}
