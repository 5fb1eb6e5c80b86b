package com.performanceos.rules.commissions.shadow;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.context.Context;

import com.performanceos.ledger.journal.JournalPosting;
import com.performanceos.platform.tenancy.TenantDatabase;
import com.performanceos.platform.tenancy.TenantTransaction;
import com.performanceos.rules.commissions.calculation.CalculationInputs;
import com.performanceos.rules.commissions.calculation.CalculationResult;
import com.performanceos.rules.commissions.calculation.Calculator;
import com.performanceos.rules.commissions.plans.PlanDefinitions;
import com.performanceos.rules.commissions.runs.RunFacts;
import com.performanceos.rules.registry.PublicationGate;
import com.performanceos.rules.registry.PublishedVersions;
import com.performanceos.rules.registry.RuleKind;
import com.performanceos.rules.registry.RuleVersion;

/**
 * The registry's publication gate for COMMISSION_PLAN versions. It recomputes the last closed period in memory twice
 * with the same inputs: as assigned, and with every rep assigned to a version of the same plan moved to the new
 * version; nothing is persisted as a run. The per-rep difference is stored. When no rep's pay moves by more than the
 * threshold the version publishes at once; otherwise publication is refused, naming the reps and amounts, until FINANCE
 * approves that exact difference.
 *
 * <p>The last closed period is the latest month the ledger closed among the look-back; when the ledger closed none, the
 * latest month before the current one that has a successful calculation run. With no such period, or no rep assigned
 * to the plan in it, there is nothing to compare and the version publishes at once.
 *
 * <p>A BLOCKED shadow is written in a transaction of its own (another connection): the publication's transaction rolls
 * back on the refusal, and the difference must outlive it for FINANCE to read and approve.
 */
@Component
class ShadowCalculation implements PublicationGate {

	static final String CLEAR = "CLEAR";

	static final String BLOCKED = "BLOCKED";

	static final String APPROVED = "APPROVED";

	private final RunFacts runs;

	private final PublishedVersions versions;

	private final JournalPosting ledger;

	private final ShadowStore store;

	private final TenantDatabase database;

	private final ShadowProperties settings;

	private final Calculator calculator = new Calculator();

	ShadowCalculation(RunFacts runs, PublishedVersions versions, JournalPosting ledger, ShadowStore store, TenantDatabase database,
			ShadowProperties settings) {
		this.runs = runs;
		this.versions = versions;
		this.ledger = ledger;
		this.store = store;
		this.database = database;
		this.settings = settings;
	}

	@Override
	public Mono<String> refusal(TenantTransaction tx, RuleVersion version, String actor) {
		if (version.kind() != RuleKind.COMMISSION_PLAN) {
			return Mono.empty();
		}
		return lastClosedPeriod(tx).flatMap(period -> compare(tx, version, period, actor)).flatMap(diff -> {
			String digest = ShadowDiff.digest(diff.versionKey(), diff.period(), diff.reps());
			if (diff.aboveThreshold().isEmpty()) {
				return store.insert(tx, diff).then(Mono.<String>empty());
			}
			String refusal = "Version " + version.number() + " changes pay in " + diff.period() + " by more than " + diff.threshold().toPlainString()
					+ " " + diff.currency() + ": " + diff.describeAboveThreshold() + ". FINANCE approves the difference with a justification "
					+ "(approveCommissionShadowDiff) before it is published";
			return store.withDigest(tx, version.key(), digest, APPROVED).hasElement().flatMap(approved -> approved ? Mono.<String>empty()
					: database.run(tx.tenant(), own -> store.withDigest(own, version.key(), digest, BLOCKED).hasElement()
						.flatMap(known -> known ? Mono.just(refusal) : store.insert(own, diff).thenReturn(refusal)))
						// Without the publication's Reactor context the transactional operator finds no transaction to join
						// and opens one of its own, which commits whatever the publication then does.
						.contextWrite(context -> Context.empty()));
		});
	}

	private Mono<String> lastClosedPeriod(TenantTransaction tx) {
		YearMonth current = YearMonth.now(ZoneOffset.UTC);
		List<LocalDate> months = new ArrayList<>();
		for (int back = 1; back <= settings.closedMonthsLookBack(); back++) {
			months.add(current.minusMonths(back).atDay(1));
		}
		return ledger.closedMonths(tx, months)
			.flatMap(closed -> closed.isEmpty() ? runs.latestComputedPeriodBefore(tx, current)
					: Mono.just(YearMonth.from(closed.stream().max(LocalDate::compareTo).orElseThrow())))
			.map(YearMonth::toString);
	}

	private Mono<ShadowDiff> compare(TenantTransaction tx, RuleVersion version, String period, String actor) {
		return runs.inputs(tx, YearMonth.parse(period), Instant.now()).flatMap(inputs -> {
			Set<UUID> assigned = new TreeSet<>();
			inputs.plans().values().forEach(plan -> assigned.add(plan.versionKey()));
			return versions.versions(tx, assigned).flatMap(found -> {
				Set<UUID> samePlan = new TreeSet<>();
				found.stream().filter(other -> other.ruleKey().equals(version.ruleKey())).forEach(other -> samePlan.add(other.key()));
				if (samePlan.isEmpty()) {
					return Mono.just(diff(version, period, List.of(), actor));
				}
				return Mono.fromCallable(() -> diff(version, period, recompute(inputs, version, samePlan), actor))
					.subscribeOn(Schedulers.boundedElastic());
			});
		});
	}

	/** Each rep whose pay moves, or who is paid by the plan: before and after. */
	private List<ShadowDiff.RepDiff> recompute(CalculationInputs inputs, RuleVersion version, Set<UUID> samePlan) {
		CalculationInputs.PlanVersion replacement = new CalculationInputs.PlanVersion(version.key(), version.id(),
				PublishedVersions.ruleId(version.ruleKey()), version.number(), version.definitionSha256(), PlanDefinitions.read(version.definitionText()));
		Map<String, CalculationInputs.PlanVersion> plans = new TreeMap<>(inputs.plans());
		Set<String> onPlan = new TreeSet<>();
		inputs.plans().forEach((rep, plan) -> {
			if (samePlan.contains(plan.versionKey())) {
				plans.put(rep, replacement);
				onPlan.add(rep);
			}
		});
		Map<String, BigDecimal> before = payable(calculator.calculate(inputs));
		Map<String, BigDecimal> after = payable(calculator.calculate(new CalculationInputs(inputs.period(), plans, inputs.quotas(), inputs.roles(),
				inputs.deals(), inputs.hierarchy(), inputs.clawbacks(), inputs.carries())));
		Set<String> reps = new TreeSet<>(onPlan);
		reps.addAll(before.keySet());
		reps.addAll(after.keySet());
		List<ShadowDiff.RepDiff> diffs = new ArrayList<>();
		for (String rep : reps) {
			BigDecimal was = before.getOrDefault(rep, BigDecimal.ZERO);
			BigDecimal will = after.getOrDefault(rep, BigDecimal.ZERO);
			if (onPlan.contains(rep) || was.compareTo(will) != 0) {
				diffs.add(new ShadowDiff.RepDiff(rep, was, will));
			}
		}
		return diffs;
	}

	private ShadowDiff diff(RuleVersion version, String period, List<ShadowDiff.RepDiff> reps, String actor) {
		String currency = PlanDefinitions.read(version.definitionText()).currency().getCurrencyCode();
		ShadowDiff draft = new ShadowDiff(UUID.randomUUID(), version.key(), period, settings.threshold(), currency, reps, CLEAR, actor, Instant.now(),
				null, null, null);
		return draft.aboveThreshold().isEmpty() ? draft : new ShadowDiff(draft.key(), draft.versionKey(), period, draft.threshold(), currency, reps,
				BLOCKED, actor, draft.computedAt(), null, null, null);
	}

	private static Map<String, BigDecimal> payable(CalculationResult result) {
		Map<String, BigDecimal> byRep = new HashMap<>();
		result.totals().forEach(total -> byRep.put(total.rep(), total.payable()));
		return byRep;
	}

}
