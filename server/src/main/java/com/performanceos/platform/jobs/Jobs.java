package com.performanceos.platform.jobs;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.function.Function;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.json.JsonMapper;

import com.performanceos.platform.tenancy.TenantDatabase;
import com.performanceos.platform.tenancy.TenantTransaction;

/**
 * Creates and runs jobs. A job is created inside its owner's transaction (so it exists exactly when
 * the owner's record does), then submitted: it waits in this instance's bounded queue and runs
 * when one of {@code performanceos.jobs.max-running} slots frees. Its final state is committed to
 * PostgreSQL before the final live event is sent, so whoever hears "finished" can read it.
 */
@Component
public final class Jobs {

	private static final Logger log = LoggerFactory.getLogger(Jobs.class);

	private final TenantDatabase database;

	private final JobStore store;

	private final JobEvents events;

	private final JsonMapper json;

	private final JobsProperties properties;

	private final Sinks.Many<Submission> queue;

	private final Disposable worker;

	Jobs(TenantDatabase database, JobStore store, JobEvents events, JsonMapper json, JobsProperties properties) {
		this.database = database;
		this.store = store;
		this.events = events;
		this.json = json;
		this.properties = properties;
		this.queue = Sinks.many().unicast().onBackpressureBuffer(new ArrayBlockingQueue<>(properties.maxQueued()));
		this.worker = queue.asFlux().flatMap(this::run, properties.maxRunning(), 1).subscribe();
	}

	/** Creates a queued job inside the caller's transaction of {@code tenant}. */
	public Mono<Job> create(TenantTransaction tx, String kind) {
		return store.insert(tx, UUID.randomUUID(), kind);
	}

	/**
	 * Queues the work of a job created (and committed) earlier. When the queue is full the job fails
	 * at once, durably, rather than waiting unbounded.
	 */
	public void submit(String tenant, UUID key, Function<ProgressReporter, Mono<JobOutcome>> work) {
		Sinks.EmitResult emitted;
		synchronized (queue) {
			emitted = queue.tryEmitNext(new Submission(tenant, key, work));
		}
		if (emitted.isFailure()) {
			log.warn("Job queue full ({}); failing job {}", properties.maxQueued(), key);
			finish(tenant, key, new Job.Progress(0, null), JobOutcome.failed("The server is busy: too many jobs queued", Map.of()))
				.subscribe();
		}
	}

	/** Jobs of {@code tenant} by key; unknown or other tenants' keys are absent. */
	public Mono<Map<UUID, Job>> load(String tenant, Collection<UUID> keys) {
		return database.inTransaction(tenant, db -> store.load(db, keys));
	}

	/** The job's states from now on, ending with its final one (throttled at the source). */
	Flux<Job> live(String tenant, UUID key) {
		return events.of(tenant, key);
	}

	@PreDestroy
	void stop() {
		worker.dispose();
	}

	private Mono<Void> run(Submission submission) {
		Tracker tracker = new Tracker();
		return database.inTransaction(submission.tenant(), db -> store.start(db, submission.key()))
			.flatMap(started -> events.publish(submission.tenant(), started).onErrorResume(ex -> Mono.empty())
				.then(Mono.defer(() -> {
					Disposable ticker = tick(submission, started, tracker);
					return Mono.defer(() -> submission.work().apply(tracker))
						.onErrorResume(ex -> {
							log.error("Job {} crashed", submission.key(), ex);
							return Mono.just(JobOutcome.failed("The job failed unexpectedly", Map.of()));
						})
						.doFinally(signal -> ticker.dispose());
				})))
			.flatMap(outcome -> finish(submission.tenant(), submission.key(), tracker.current(), outcome))
			.onErrorResume(ex -> {
				log.error("Job {} could not record its state", submission.key(), ex);
				return Mono.empty();
			})
			.then();
	}

	/** Publishes progress live at most every progress-interval and writes it at most every persist-interval. */
	private Disposable tick(Submission submission, Job started, Tracker tracker) {
		long persistEvery = Math.max(1, properties.progressPersistInterval().toMillis() / Math.max(1, properties.progressInterval().toMillis()));
		return Flux.interval(nonZero(properties.progressInterval()))
			.onBackpressureDrop()
			.concatMap(tick -> {
				Job.Progress progress = tracker.takeIfChanged();
				if (progress == null) {
					return Mono.empty();
				}
				Mono<Void> persist = tick % persistEvery == 0
						? database.inTransaction(submission.tenant(), db -> store.progress(db, submission.key(), progress).thenReturn(true)).then()
						: Mono.empty();
				return persist.then(events.publish(submission.tenant(), withProgress(started, progress))).onErrorResume(ex -> Mono.empty());
			}, 1)
			.subscribe();
	}

	private Mono<Job> finish(String tenant, UUID key, Job.Progress progress, JobOutcome outcome) {
		Job.Progress last = outcome.succeeded() && progress.total() != null ? new Job.Progress(progress.total(), progress.total()) : progress;
		return database.inTransaction(tenant, db -> store.finish(db, key, outcome.succeeded() ? JobStatus.SUCCEEDED : JobStatus.FAILED,
					last, json.writeValueAsString(outcome.result()), outcome.error()))
			.flatMap(job -> events.publish(tenant, job).onErrorResume(ex -> Mono.empty()).thenReturn(job));
	}

	private static Job withProgress(Job job, Job.Progress progress) {
		return new Job(job.key(), job.kind(), job.status(), progress, job.createdAt(), job.startedAt(), job.finishedAt(), job.result(),
				job.error());
	}

	private static Duration nonZero(Duration interval) {
		return interval.isZero() ? Duration.ofMillis(1) : interval;
	}

	private record Submission(String tenant, UUID key, Function<ProgressReporter, Mono<JobOutcome>> work) {
	}

	/** The latest reported progress, read and cleared by the ticker. */
	private static final class Tracker implements ProgressReporter {

		private Job.Progress latest = new Job.Progress(0, null);

		private boolean changed;

		@Override
		public synchronized void report(long done, @org.jspecify.annotations.Nullable Long total) {
			long bounded = Math.max(0, total == null ? done : Math.min(done, total));
			latest = new Job.Progress(bounded, total);
			changed = true;
		}

		synchronized Job.Progress current() {
			return latest;
		}

		synchronized Job.@org.jspecify.annotations.Nullable Progress takeIfChanged() {
			if (!changed) {
				return null;
			}
			changed = false;
			return latest;
		}

	}

}
