package com.performanceos.rules.commissions.runs;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import com.performanceos.platform.audit.AuditEntry;
import com.performanceos.platform.jobs.JobOutcome;
import com.performanceos.platform.jobs.Jobs;
import com.performanceos.platform.jobs.ProgressReporter;
import com.performanceos.platform.mutations.Idempotency;
import com.performanceos.platform.mutations.Mutations;
import com.performanceos.platform.mutations.Outcome;
import com.performanceos.platform.security.Viewer;
import com.performanceos.platform.tenancy.TenantDatabase;
import com.performanceos.rules.commissions.CommissionsError;
import com.performanceos.rules.commissions.calculation.CalculationResult;
import com.performanceos.rules.commissions.calculation.Calculator;

/**
 * Starts calculation runs and computes them as platform jobs: read everything in one transaction (as known at the
 * run's instant), compute in memory off the event loop, then write lines in bulk, totals and the digest in another.
 * Progress counts lines written, with the total known once computed.
 */
@Service
class CalculationRuns {

	static final String JOB_KIND = "commissions.run";

	private static final Logger log = LoggerFactory.getLogger(CalculationRuns.class);

	private final Mutations mutations;

	private final TenantDatabase database;

	private final Jobs jobs;

	private final RunStore store;

	private final RunInputs inputs;

	private final RunAnalyticsFacts facts;

	private final Calculator calculator = new Calculator();

	CalculationRuns(Mutations mutations, TenantDatabase database, Jobs jobs, RunStore store, RunInputs inputs, RunAnalyticsFacts facts) {
		this.facts = facts;
		this.mutations = mutations;
		this.database = database;
		this.jobs = jobs;
		this.store = store;
		this.inputs = inputs;
	}

	Mono<StartCalculationRun.Payload> start(Viewer viewer, StartCalculationRun.Input input, @Nullable String sourceAddress) {
		Instant now = Instant.now();
		List<CommissionsError> invalid = input.validate(now);
		if (!invalid.isEmpty()) {
			return Mono.just(StartCalculationRun.Payload.failed(invalid));
		}
		Instant knownAt = input.knownAt() == null ? now : input.knownAt().toInstant();
		UUID runKey = UUID.randomUUID();
		return mutations.idempotent(viewer.tenant(), new Idempotency<>(StartCalculationRun.OPERATION, input.idempotencyKey(), input.fingerprint(),
				() -> StartCalculationRun.Payload.failed(List.of(CommissionsError.conflict())),
				(tx, key) -> store.run(tx, key).map(run -> new StartCalculationRun.Payload(run, List.of(), false))),
				tx -> jobs.create(tx, JOB_KIND)
					.flatMap(job -> store.insert(tx, runKey, input.period(), job.key(), knownAt, viewer.subject()))
					.map(run -> Outcome.committed(new StartCalculationRun.Payload(run, List.of(), true), run.key(), new AuditEntry(viewer.subject(),
							"commissions.run.started", CalculationRun.TYPE_NAME, run.id(), sourceAddress, null,
							Map.of("period", run.period(), "knownAt", run.knownAt().toString())))))
			.doOnNext(payload -> {
				if (payload.fresh() && payload.run() != null) {
					CalculationRun run = payload.run();
					jobs.submit(viewer.tenant(), run.jobKey(), progress -> compute(viewer.tenant(), run, progress));
				}
			});
	}

	private Mono<JobOutcome> compute(String tenant, CalculationRun run, ProgressReporter progress) {
		YearMonth period = YearMonth.parse(run.period());
		return database.run(tenant, tx -> store.claim(tx, run.key()).flatMap(claimed -> claimed
				? inputs.load(tx, period, run.knownAt()) : Mono.empty()))
			.publishOn(Schedulers.boundedElastic())
			.map(loaded -> Map.entry(loaded, calculator.calculate(loaded)))
			.flatMap(computed -> {
				CalculationResult result = computed.getValue();
				progress.report(0, (long) result.lines().size());
				return database.run(tenant, tx -> store.insertLines(tx, run.key(), result.lines(), written -> progress.report(written,
						(long) result.lines().size()))
					.then(store.insertTotals(tx, run.key(), result.totals()))
					.then(store.succeed(tx, run.key(), result.lines().size(), result.totalPayable(), currency(result), result.digest()))
					.then(facts.publish(tx, run, computed.getKey(), result)))
					.thenReturn(JobOutcome.succeeded(Map.of("runId", run.id(), "digest", result.digest(), "lines", result.lines().size(),
							"notes", result.notes().subList(0, Math.min(100, result.notes().size())))));
			})
			.switchIfEmpty(Mono.fromSupplier(() -> JobOutcome.failed("The run was computed already", Map.of("runId", run.id()))))
			.onErrorResume(ex -> {
				RunFailure failure = RunFailure.of(ex);
				if (failure.code() == RunFailure.Code.CALCULATION_FAILED) {
					log.error("Calculation run {} failed", run.key(), ex);
				}
				return database.run(tenant, tx -> store.fail(tx, run.key(), failure))
					.thenReturn(JobOutcome.failed(failure.message(), Map.of("runId", run.id(), "code", failure.code().name())));
			});
	}

	private static java.util.@Nullable Currency currency(CalculationResult result) {
		return result.totals().isEmpty() ? null : result.totals().getFirst().currency();
	}

}
