package com.performanceos.rules.commissions.runs;

import java.time.Duration;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.performanceos.platform.graphql.Caller;
import com.performanceos.platform.graphql.Connection;
import com.performanceos.platform.graphql.ErrorCode;
import com.performanceos.platform.graphql.GlobalId;
import com.performanceos.platform.graphql.GraphQlException;
import com.performanceos.platform.graphql.Money;
import com.performanceos.platform.graphql.NodeLoader;
import com.performanceos.platform.graphql.PageRequest;
import com.performanceos.platform.jobs.Job;
import com.performanceos.platform.jobs.Jobs;
import com.performanceos.platform.security.Viewer;
import com.performanceos.platform.tenancy.TenantDatabase;
import com.performanceos.rules.commissions.calculation.CalculationResult;
import com.performanceos.rules.commissions.plans.AssignCommissionPlan;
import com.performanceos.rules.commissions.plans.PlanAssignmentService;
import com.performanceos.rules.engine.JsonValues;

/**
 * GraphQL edge of commissions: plan assignment, runs, their progress, statements and lines. Every read of a rep's
 * figures is filtered by {@link CommissionAccess}; what a caller may not see is absent (null, or not in a page),
 * exactly as another tenant's row would be.
 */
@Controller
class CommissionsController implements NodeLoader {

	/** Longest a {@code calculationRunProgress} stream stays open. */
	private static final Duration SUBSCRIPTION_MAX = Duration.ofHours(2);

	/** How often the run's job is read while it runs; the job itself throttles its progress at the source. */
	private static final Duration PROGRESS_POLL = Duration.ofMillis(250);

	private final CalculationRuns runs;

	private final PlanAssignmentService assignments;

	private final RunStore store;

	private final CommissionAccess access;

	private final TenantDatabase database;

	private final Jobs jobs;

	CommissionsController(CalculationRuns runs, PlanAssignmentService assignments, RunStore store, CommissionAccess access,
			TenantDatabase database, Jobs jobs) {
		this.runs = runs;
		this.assignments = assignments;
		this.store = store;
		this.access = access;
		this.database = database;
		this.jobs = jobs;
	}

	@MutationMapping
	Mono<AssignCommissionPlan.Payload> assignCommissionPlan(@Argument AssignCommissionPlan.Input input, Caller caller) {
		return assignments.assign(caller.viewer(), input, caller.sourceAddress());
	}

	@MutationMapping
	Mono<StartCalculationRun.Payload> startCalculationRun(@Argument StartCalculationRun.Input input, Caller caller) {
		return runs.start(caller.viewer(), input, caller.sourceAddress());
	}

	@QueryMapping
	Mono<CalculationRun> calculationRun(@Argument String id, @ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		return GlobalId.decode(id, CalculationRun.TYPE_NAME).map(key -> database.run(viewer.tenant(), tx -> store.run(tx, key))).orElse(Mono.empty());
	}

	@QueryMapping
	Mono<Statement> commissionStatement(@Argument String rep, @Argument String period, @ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		if (!AssignCommissionPlan.PERIOD.matcher(period).matches()) {
			return Mono.error(new GraphQlException(ErrorCode.BAD_USER_INPUT, "A period is written YYYY-MM"));
		}
		return database.run(viewer.tenant(), tx -> access.scope(tx, viewer, YearMonth.parse(period)).flatMap(scope -> !scope.allows(rep)
				? Mono.<Statement>empty()
				: store.latest(tx, period).flatMap(run -> store.totals(tx, run.key(), List.of(rep))
					.flatMap(totals -> totals.isEmpty() ? Mono.empty() : Mono.just(new Statement(rep, run, totals.getFirst()))))));
	}

	@SubscriptionMapping
	Flux<Job> calculationRunProgress(@Argument String id, @ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		UUID key = GlobalId.decode(id, CalculationRun.TYPE_NAME)
			.orElseThrow(() -> new GraphQlException(ErrorCode.BAD_USER_INPUT, "Not a calculation run id: " + id));
		return database.run(viewer.tenant(), tx -> store.run(tx, key))
			.switchIfEmpty(Mono.error(() -> new GraphQlException(ErrorCode.NOT_FOUND, "No calculation run with id " + id)))
			.flatMapMany(run -> Flux.interval(Duration.ZERO, PROGRESS_POLL)
				// A read slower than the poll (a loaded database while the run writes) skips ticks instead of failing the stream.
				.onBackpressureDrop()
				.concatMap(tick -> jobs.load(viewer.tenant(), List.of(run.jobKey())).flatMap(found -> Mono.justOrEmpty(found.get(run.jobKey()))))
				.distinctUntilChanged(job -> job.status() + "/" + job.progress().done() + "/" + job.progress().total())
				.takeUntil(job -> job.status().finished())
				.take(SUBSCRIPTION_MAX));
	}

	@SchemaMapping(typeName = "CalculationRun", field = "id")
	String runId(CalculationRun run) {
		return run.id();
	}

	@SchemaMapping(typeName = "CalculationRun", field = "job")
	Mono<Job> runJob(CalculationRun run, @ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		return jobs.load(viewer.tenant(), List.of(run.jobKey())).flatMap(found -> Mono.justOrEmpty(found.get(run.jobKey())));
	}

	@SchemaMapping(typeName = "CalculationRun", field = "totalPayable")
	@Nullable Money runTotal(CalculationRun run) {
		return run.totalPayable() == null || run.currency() == null ? null
				: new Money(run.totalPayable(), java.util.Currency.getInstance(run.currency()));
	}

	@SchemaMapping(typeName = "CalculationRun", field = "totals")
	Mono<List<CalculationResult.RepTotal>> runTotals(CalculationRun run, @ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		return database.run(viewer.tenant(), tx -> store.totals(tx, run.key(), null));
	}

	@SchemaMapping(typeName = "CalculationRun", field = "lines")
	Mono<Connection<CommissionLine>> runLines(CalculationRun run, @Argument @Nullable Integer first, @Argument @Nullable String after,
			@Argument @Nullable String rep, @ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		return page(viewer, run, rep == null ? null : List.of(rep), first, after);
	}

	@SchemaMapping(typeName = "CommissionStatement", field = "runId")
	String statementRun(Statement statement) {
		return statement.run().id();
	}

	@SchemaMapping(typeName = "CommissionStatement", field = "period")
	String statementPeriod(Statement statement) {
		return statement.run().period();
	}

	@SchemaMapping(typeName = "CommissionStatement", field = "digest")
	@Nullable String statementDigest(Statement statement) {
		return statement.run().digest();
	}

	@SchemaMapping(typeName = "CommissionStatement", field = "lines")
	Mono<Connection<CommissionLine>> statementLines(Statement statement, @Argument @Nullable Integer first, @Argument @Nullable String after,
			@ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		return page(viewer, statement.run(), List.of(statement.rep()), first, after);
	}

	/** A page of a run's lines, of the reps asked for and allowed to the viewer. */
	private Mono<Connection<CommissionLine>> page(Viewer viewer, CalculationRun run, @Nullable List<String> reps, @Nullable Integer first,
			@Nullable String after) {
		PageRequest page = PageRequest.of(first, after, null, null);
		int afterSeq;
		try {
			afterSeq = page.cursorKey() == null ? 0 : Integer.parseInt(page.cursorKey());
		}
		catch (NumberFormatException ex) {
			return Mono.error(new GraphQlException(ErrorCode.BAD_USER_INPUT, "Not a commission line cursor"));
		}
		return database.run(viewer.tenant(), tx -> access.scope(tx, viewer, YearMonth.parse(run.period())).flatMap(scope -> {
			List<String> allowed = reps == null ? scope.filter() : reps.stream().filter(scope::allows).toList();
			return store.lines(tx, run.key(), allowed, afterSeq, page.size() + 1)
				.zipWith(store.lineCount(tx, run.key(), allowed),
						(found, total) -> Connection.fromKeyset(page, found, line -> Integer.toString(line.seq()), total));
		}));
	}

	@SchemaMapping(typeName = "CommissionLine", field = "id")
	String lineId(CommissionLine line) {
		return line.id();
	}

	@SchemaMapping(typeName = "CommissionLine", field = "dealId")
	String lineDeal(CommissionLine line) {
		return GlobalId.encode("Deal", line.dealKey());
	}

	@SchemaMapping(typeName = "CommissionLine", field = "credited")
	Money lineCredited(CommissionLine line) {
		return new Money(line.credited(), java.util.Currency.getInstance(line.currency()));
	}

	@SchemaMapping(typeName = "CommissionLine", field = "amount")
	Money lineAmount(CommissionLine line) {
		return new Money(line.amount(), java.util.Currency.getInstance(line.currency()));
	}

	@SchemaMapping(typeName = "CommissionLine", field = "trace")
	Object lineTrace(CommissionLine line) {
		// A stored trace is a JSON object (commission_line.trace is NOT NULL jsonb written from a map).
		return java.util.Objects.requireNonNull(JsonValues.parse(line.traceJson()));
	}

	@Override
	public String typeName() {
		return CommissionLine.TYPE_NAME;
	}

	/** {@code node(id)} of a line: absent unless the viewer may read that rep's figures in that period. */
	@Override
	public Mono<Map<UUID, Object>> load(Viewer viewer, Collection<UUID> keys) {
		return database.run(viewer.tenant(), tx -> store.linesByKey(tx, List.copyOf(keys)).flatMap(lines -> Flux.fromIterable(lines)
			.concatMap(line -> access.scope(tx, viewer, YearMonth.parse(line.period())).filter(scope -> scope.allows(line.rep())).map(scope -> line))
			.collectMap(CommissionLine::key, line -> (Object) line)));
	}

}
