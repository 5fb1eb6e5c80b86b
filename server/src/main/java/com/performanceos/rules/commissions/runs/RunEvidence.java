package com.performanceos.rules.commissions.runs;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import com.performanceos.platform.graphql.GlobalId;
import com.performanceos.platform.security.Viewer;
import com.performanceos.platform.tenancy.TenantTransaction;
import com.performanceos.rules.commissions.calculation.CalculationInputs;
import com.performanceos.rules.commissions.calculation.CalculationResult;
import com.performanceos.rules.registry.PublishedVersions;
import com.performanceos.rules.registry.RuleVersion;

/**
 * What a run rests on, published to the proof packs, statement documents and plan variants of sibling packages: the
 * run, its stored lines and totals, the sales data as known at the run and the plan versions it read. Every read here
 * is the stored state as it is now, which is the point: a proof pack compares it with what it certified. Access goes
 * through {@link CommissionAccess}, the same scope as the GraphQL statement.
 */
@Component
public class RunEvidence {

	/** The most lines one proof pack or statement document reads. */
	public static final int LINES_MAX = 100_000;

	private final RunStore store;

	private final RunInputs inputs;

	private final CommissionAccess access;

	private final PublishedVersions versions;

	RunEvidence(RunStore store, RunInputs inputs, CommissionAccess access, PublishedVersions versions) {
		this.store = store;
		this.inputs = inputs;
		this.access = access;
		this.versions = versions;
	}

	/**
	 * A successful run.
	 *
	 * @param key its key
	 * @param id its global id
	 * @param period its month
	 * @param knownAt the instant its sales data was read as known at
	 * @param startedBy who started it
	 * @param finishedAt when it ended
	 * @param digest its digest over inputs and outputs
	 * @param totalPayable what it pays in all
	 * @param currency the currency of its amounts
	 */
	public record Run(UUID key, String id, String period, Instant knownAt, String startedBy, @Nullable Instant finishedAt,
			@Nullable String digest, @Nullable BigDecimal totalPayable, @Nullable String currency) {
	}

	/**
	 * A stored line.
	 *
	 * @param id its global id
	 * @param seq its position in the run
	 * @param rep who earns it
	 * @param kind DIRECT, ROLLUP or CLAWBACK
	 * @param dealKey the deal
	 * @param dealRef the deal's reference
	 * @param sharePercent the rep's share
	 * @param credited the credit
	 * @param amount what it pays
	 * @param currency the currency
	 * @param tier the tier reached, for a DIRECT line
	 * @param traceJson the trace as JSON text
	 */
	public record Line(String id, int seq, String rep, String kind, UUID dealKey, String dealRef, BigDecimal sharePercent, BigDecimal credited,
			BigDecimal amount, String currency, @Nullable Integer tier, String traceJson) {
	}

	/**
	 * Everything a run of a rep (or of everyone) rests on, as stored now.
	 *
	 * @param run the run
	 * @param rep the rep, or null for the whole run
	 * @param deals the deals as known at the run that credit the rep or carry one of their lines
	 * @param plans the plan versions paying the reps covered
	 * @param lines the stored lines of the reps covered, in run order
	 * @param totals the stored totals of the reps covered
	 */
	public record Evidence(Run run, @Nullable String rep, List<CalculationInputs.CreditedDeal> deals, List<RuleVersion> plans, List<Line> lines,
			List<CalculationResult.RepTotal> totals) {
	}

	/** The period's latest successful run. */
	public Mono<Run> latestRun(TenantTransaction tx, String period) {
		return store.latest(tx, period).map(RunEvidence::run);
	}

	/** A successful run by its global id. */
	public Mono<Run> run(TenantTransaction tx, String id) {
		return GlobalId.decode(id, CalculationRun.TYPE_NAME).map(key -> store.run(tx, key)
			.filter(run -> "SUCCEEDED".equals(run.status())).map(RunEvidence::run)).orElse(Mono.empty());
	}

	/** Whether the viewer may read the rep's figures in the period; a whole run (rep null) only for those who read everyone's. */
	public Mono<Boolean> allows(TenantTransaction tx, Viewer viewer, String period, @Nullable String rep) {
		return access.scope(tx, viewer, YearMonth.parse(period)).map(scope -> rep == null ? scope.reps() == null : scope.allows(rep));
	}

	/** The stored lines of the reps (all when null); more than {@link #LINES_MAX} fail with {@link TooManyLinesException}. */
	public Mono<List<Line>> lines(TenantTransaction tx, Run run, @Nullable String rep) {
		return store.lines(tx, run.key(), rep == null ? null : List.of(rep), 0, LINES_MAX + 1).flatMap(found -> found.size() > LINES_MAX
				? Mono.error(new TooManyLinesException(run.id()))
				: Mono.just(found.stream().map(RunEvidence::line).toList()));
	}

	/** A document asked over more lines than {@link #LINES_MAX}: a partial one would certify less than it claims. */
	public static final class TooManyLinesException extends RuntimeException {

		TooManyLinesException(String runId) {
			super("Run " + runId + " has more than " + LINES_MAX + " lines for one document: ask for one rep at a time");
		}

	}

	/** The stored totals of the reps (all when null). */
	public Mono<List<CalculationResult.RepTotal>> totals(TenantTransaction tx, Run run, @Nullable String rep) {
		return store.totals(tx, run.key(), rep == null ? null : List.of(rep));
	}

	/** The sales data and plan assignments of a period as known at an instant (what a run or a plan variant reads). */
	public Mono<CalculationInputs> inputs(TenantTransaction tx, YearMonth period, Instant knownAt) {
		return inputs.load(tx, period, knownAt);
	}

	/** The evidence of a rep (or of everyone) in a run, read as stored now. */
	public Mono<Evidence> evidence(TenantTransaction tx, Run run, @Nullable String rep) {
		return lines(tx, run, rep).flatMap(lines -> totals(tx, run, rep).flatMap(totals -> inputs(tx, YearMonth.parse(run.period()), run.knownAt())
			.flatMap(loaded -> {
				Set<UUID> dealKeys = new HashSet<>();
				lines.forEach(line -> dealKeys.add(line.dealKey()));
				List<CalculationInputs.CreditedDeal> deals = new ArrayList<>();
				for (CalculationInputs.CreditedDeal deal : loaded.deals()) {
					if (rep == null || dealKeys.contains(deal.dealKey()) || deal.effectiveSplits().stream().anyMatch(split -> split.rep().equals(rep))) {
						deals.add(deal);
					}
				}
				Set<UUID> planKeys = new HashSet<>();
				totals.forEach(total -> {
					if (total.versionKey() != null) {
						planKeys.add(total.versionKey());
					}
				});
				loaded.plans().forEach((code, plan) -> {
					if (rep == null || rep.equals(code)) {
						planKeys.add(plan.versionKey());
					}
				});
				return versions.versions(tx, List.copyOf(planKeys)).map(found -> new Evidence(run, rep, deals,
						found.stream().sorted(java.util.Comparator.comparing(RuleVersion::id)).toList(), lines, totals));
			})));
	}

	private static Run run(CalculationRun run) {
		return new Run(run.key(), run.id(), run.period(), run.knownAt(), run.startedBy(), run.finishedAt(), run.digest(), run.totalPayable(),
				run.currency());
	}

	private static Line line(CommissionLine line) {
		return new Line(line.id(), line.seq(), line.rep(), line.kind(), line.dealKey(), line.dealRef(), line.sharePercent(), line.credited(),
				line.amount(), line.currency(), line.tier(), line.traceJson());
	}

}
