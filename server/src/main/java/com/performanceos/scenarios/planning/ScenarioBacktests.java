package com.performanceos.scenarios.planning;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.performanceos.ledger.bank.BankPositions;
import com.performanceos.platform.audit.AuditEntry;
import com.performanceos.platform.graphql.GlobalId;
import com.performanceos.platform.jobs.JobOutcome;
import com.performanceos.platform.jobs.Jobs;
import com.performanceos.platform.jobs.ProgressReporter;
import com.performanceos.platform.mutations.Mutations;
import com.performanceos.platform.mutations.Outcome;
import com.performanceos.platform.security.Viewer;
import com.performanceos.platform.tenancy.TenantDatabase;
import com.performanceos.platform.tenancy.TenantTransaction;
import com.performanceos.scenarios.accuracy.AccuracyMetrics;

/**
 * Backtests as platform jobs. At each cut-off the scenario's forecast is recalculated with the facts
 * known the day before (the ledger's as-of reads), and its daily closing balances are compared with
 * the actual ones (bank balance at the cut-off's start rolled forward by the transactions booked) over
 * each horizon. The MASE scale is the seasonal-naive (weekly) error of the {@value #TRAIN_DAYS} actual
 * closings before the cut-off. Only accounts in the reporting currency count; another currency fails
 * the job rather than mixing currencies.
 */
@Service
class ScenarioBacktests {

	static final String JOB_KIND = "scenarios.backtest";

	/** Four weekly seasons of actual closings give the MASE scale. */
	static final int TRAIN_DAYS = 28;

	static final int SEASON_DAYS = 7;

	private final TenantDatabase database;

	private final Mutations mutations;

	private final Jobs jobs;

	private final BacktestStore store;

	private final ScenarioStore scenarios;

	private final ScenarioService service;

	private final BankPositions bank;

	private final Clock clock = Clock.systemUTC();

	ScenarioBacktests(TenantDatabase database, Mutations mutations, Jobs jobs, BacktestStore store, ScenarioStore scenarios,
			ScenarioService service, BankPositions bank) {
		this.database = database;
		this.mutations = mutations;
		this.jobs = jobs;
		this.store = store;
		this.scenarios = scenarios;
		this.service = service;
		this.bank = bank;
	}

	Mono<StartScenarioBacktest.Payload> start(Viewer viewer, StartScenarioBacktest.Input input, @Nullable String sourceAddress) {
		List<ScenarioError> invalid = input.validate(LocalDate.now(clock));
		if (!invalid.isEmpty()) {
			return Mono.just(new StartScenarioBacktest.Payload(null, invalid));
		}
		Optional<UUID> key = GlobalId.decode(input.scenarioId()).filter(id -> id.type().equals(Scenario.TYPE_NAME)).map(GlobalId::key);
		List<LocalDate> cutoffs = input.cutoffs().stream().sorted().toList();
		List<Integer> horizons = input.horizonsOrDefault();
		return mutations.once(viewer.tenant(), tx -> (key.isEmpty() ? Mono.just(List.<Scenario>of()) : scenarios.find(tx, List.of(key.get())))
			.flatMap(found -> found.isEmpty()
					? Mono.just(Outcome.rejected(new StartScenarioBacktest.Payload(null, List.of(ScenarioError.at(ScenarioErrorCode.SCENARIO_NOT_FOUND,
							"scenarioId", "No scenario " + input.scenarioId())))))
					: jobs.create(tx, JOB_KIND)
						.flatMap(job -> store.insert(tx, found.getFirst().key(), job.key(), cutoffs, horizons, viewer.subject()))
						.map(backtest -> Outcome.committed(new StartScenarioBacktest.Payload(backtest, List.of()),
								new AuditEntry(viewer.subject(), "scenarios.backtest.started", ScenarioBacktest.TYPE_NAME, backtest.id(), sourceAddress,
										null, Map.of("scenario", input.scenarioId(), "cutoffs", cutoffs.stream().map(LocalDate::toString).toList(),
												"horizons", horizons))))))
			.doOnNext(payload -> {
				ScenarioBacktest backtest = payload.backtest();
				if (backtest != null) {
					jobs.submit(viewer.tenant(), backtest.jobKey(), progress -> run(viewer, backtest, progress));
				}
			});
	}

	Mono<Map<UUID, ScenarioBacktest>> load(Viewer viewer, List<UUID> keys) {
		return database.run(viewer.tenant(), tx -> store.load(tx, keys));
	}

	private Mono<JobOutcome> run(Viewer viewer, ScenarioBacktest backtest, ProgressReporter progress) {
		long total = backtest.cutoffs().size();
		progress.report(0, total);
		return Flux.fromIterable(backtest.cutoffs())
			.index()
			.concatMap(cutoff -> measure(viewer, backtest, cutoff.getT2()).doOnNext(measures -> progress.report(cutoff.getT1() + 1, total)))
			.collectList()
			.map(perCutoff -> perCutoff.stream().flatMap(List::stream).toList())
			.flatMap(measures -> database.run(viewer.tenant(), tx -> store.complete(tx, backtest.key(), measures))
				.thenReturn(JobOutcome.succeeded(Map.of("backtestId", backtest.id(), "measures", measures.size()))))
			.onErrorResume(IllegalArgumentException.class, refused -> Mono.just(JobOutcome.failed(refused.getMessage(), Map.of())));
	}

	private Mono<List<ScenarioBacktest.Measure>> measure(Viewer viewer, ScenarioBacktest backtest, LocalDate cutoff) {
		int longest = backtest.horizons().getLast();
		return service.recalculate(viewer, backtest.scenarioKey(), cutoff, longest)
			.switchIfEmpty(Mono.error(new IllegalArgumentException("The scenario no longer exists")))
			.flatMap(recalculated -> actualClosings(viewer, cutoff, longest, recalculated.scenario().reportingCurrency().getCurrencyCode())
				.map(actual -> {
					double[] forecast = recalculated.forecast().buckets(ForecastView.Granularity.DAY).stream()
						.mapToDouble(bucket -> bucket.closing().amount().doubleValue())
						.toArray();
					double[] train = java.util.Arrays.copyOfRange(actual, 0, TRAIN_DAYS);
					List<ScenarioBacktest.Measure> measures = new ArrayList<>();
					for (int horizon : backtest.horizons()) {
						AccuracyMetrics metrics = AccuracyMetrics.of(train, java.util.Arrays.copyOfRange(actual, TRAIN_DAYS, TRAIN_DAYS + horizon),
								java.util.Arrays.copyOf(forecast, horizon), SEASON_DAYS);
						measures.add(new ScenarioBacktest.Measure(cutoff, horizon, metrics.mae(), Double.isNaN(metrics.mape()) ? null : metrics.mape(),
								metrics.wape(), metrics.bias(), metrics.mase()));
					}
					return measures;
				}));
	}

	/** Actual closing balances of each day from {@value #TRAIN_DAYS} days before the cut-off to the end of the longest horizon. */
	private Mono<double[]> actualClosings(Viewer viewer, LocalDate cutoff, int longest, String currency) {
		LocalDate first = cutoff.minusDays(TRAIN_DAYS);
		LocalDate last = cutoff.plusDays(longest - 1L);
		return database.run(viewer.tenant(), (TenantTransaction tx) -> bank.balancesAtStartOf(tx, first)
			.flatMap(balances -> bank.history(tx, first, last).map(movements -> {
				if (balances.stream().anyMatch(balance -> !balance.currency().equals(currency))
						|| movements.stream().anyMatch(movement -> !movement.currency().equals(currency))) {
					throw new IllegalArgumentException("A bank account is not in the reporting currency " + currency
							+ ": backtests measure one currency");
				}
				Map<LocalDate, BigDecimal> moved = new LinkedHashMap<>();
				movements.forEach(movement -> moved.merge(movement.bookingDate(), movement.amount(), BigDecimal::add));
				BigDecimal balance = balances.stream().map(BankPositions.Balance::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
				double[] closings = new double[(int) ChronoUnit.DAYS.between(first, last) + 1];
				for (int day = 0; day < closings.length; day++) {
					balance = balance.add(moved.getOrDefault(first.plusDays(day), BigDecimal.ZERO));
					closings[day] = balance.doubleValue();
				}
				return closings;
			})));
	}

}
