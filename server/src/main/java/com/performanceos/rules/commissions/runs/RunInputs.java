package com.performanceos.rules.commissions.runs;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.performanceos.platform.reference.ReferenceData;
import com.performanceos.platform.tenancy.TenantTransaction;
import com.performanceos.rules.commissions.calculation.CalculationInputs;
import com.performanceos.rules.commissions.calculation.ExchangeRates;
import com.performanceos.rules.commissions.plans.Assignments;
import com.performanceos.rules.commissions.plans.PlanDefinitions;
import com.performanceos.rules.registry.PublishedVersions;
import com.performanceos.rules.registry.RuleKind;
import com.performanceos.rules.registry.RuleVersion;
import com.performanceos.rules.sales.DealCredits;
import com.performanceos.rules.sales.SalesData;
import com.performanceos.rules.sales.SalesRep;

/**
 * Loads everything a calculation of a period reads, inside one transaction (one consistent state) and as the sales
 * data was known at the run's instant: assignments and their plan versions, quotas, roles, credited deals, the
 * hierarchy, cancellations with what was paid on them, what the previous period's latest run carried out, and the
 * exchange rates in force on the close dates of deals in another currency than their plan's.
 */
@Component
class RunInputs {

	/** The most deal rows one run reads: the benchmark's million lines and room above it. */
	static final int DEALS_MAX = 2_000_000;

	private final Assignments assignments;

	private final PublishedVersions versions;

	private final SalesData sales;

	private final RunStore runs;

	private final ReferenceData reference;

	RunInputs(Assignments assignments, PublishedVersions versions, SalesData sales, RunStore runs, ReferenceData reference) {
		this.assignments = assignments;
		this.versions = versions;
		this.sales = sales;
		this.runs = runs;
		this.reference = reference;
	}

	Mono<CalculationInputs> load(TenantTransaction tx, YearMonth period, Instant knownAt) {
		LocalDate from = period.atDay(1);
		LocalDate to = period.atEndOfMonth();
		Mono<Map<String, CalculationInputs.PlanVersion>> plans = assignments.ofPeriod(tx, period.toString()).flatMap(assigned -> versions
			.versions(tx, List.copyOf(new java.util.HashSet<>(assigned.values())))
			.map(found -> plans(assigned, found)));
		Mono<Map<String, BigDecimal>> quotas = sales.quotas(tx, period.toString()).map(list -> {
			Map<String, BigDecimal> byRep = new TreeMap<>();
			list.forEach(quota -> byRep.put(quota.rep(), quota.amount().amount()));
			return byRep;
		});
		Mono<Map<String, String>> roles = sales.reps(tx).map(reps -> {
			Map<String, String> byCode = new TreeMap<>();
			for (SalesRep rep : reps) {
				byCode.put(rep.code(), rep.role());
			}
			return byCode;
		});
		Mono<List<CalculationInputs.CreditedDeal>> deals = sales.creditedDeals(tx, from, to, knownAt, DEALS_MAX).map(RunInputs::deals);
		Mono<CalculationInputs.Hierarchy> hierarchy = sales.hierarchy(tx, knownAt).map(loaded -> loaded::managersOf);
		Mono<List<CalculationInputs.Clawback>> clawbacks = sales.cancellations(tx, from, to, knownAt, DEALS_MAX)
			.flatMap(cancelled -> runs.paidOnDeals(tx, period.toString(), cancelled.stream().map(each -> each.deal().key()).toList())
				.map(paid -> clawbacks(cancelled, paid)));
		Mono<Map<String, CalculationInputs.Carry>> carries = runs.latest(tx, period.minusMonths(1).toString())
			.flatMap(previous -> runs.carries(tx, previous.key()))
			.defaultIfEmpty(Map.of());
		// One connection: the reads run one after the other.
		return plans.flatMap(p -> quotas.flatMap(q -> roles.flatMap(r -> deals.flatMap(d -> hierarchy.flatMap(h -> clawbacks.flatMap(c -> carries
			.flatMap(carry -> rates(p, d).map(fx -> new CalculationInputs(period, p, q, r, d, h, c, carry, fx)))))))));
	}

	/** Reference values asked in one call (platform/reference's limit). */
	private static final int RATE_KEYS_PER_CALL = 100;

	/**
	 * The rates each deal in another currency than its plan's needs, on its close date: one read per close date. A rate
	 * not in force is simply absent; the calculation fails naming it.
	 */
	private Mono<ExchangeRates> rates(Map<String, CalculationInputs.PlanVersion> plans, List<CalculationInputs.CreditedDeal> deals) {
		Map<LocalDate, java.util.SortedSet<String>> keysByDay = new TreeMap<>();
		for (CalculationInputs.CreditedDeal deal : deals) {
			for (CalculationInputs.Split split : deal.effectiveSplits()) {
				CalculationInputs.PlanVersion plan = plans.get(split.rep());
				if (plan != null && !deal.currency().equals(plan.plan().currency())) {
					keysByDay.computeIfAbsent(deal.closeDate(), day -> new java.util.TreeSet<>())
						.add(ExchangeRates.referenceKey(deal.currency(), plan.plan().currency()));
				}
			}
		}
		if (keysByDay.isEmpty()) {
			return Mono.just(ExchangeRates.NONE);
		}
		return Flux.fromIterable(keysByDay.entrySet())
			.concatMap(day -> Flux.fromIterable(List.copyOf(day.getValue()))
				.buffer(RATE_KEYS_PER_CALL)
				.concatMap(keys -> reference.inForce(keys, day.getKey()))
				.flatMapIterable(found -> found.values().stream().map(value -> Map.entry(value.key() + "@" + day.getKey(), value.value())).toList()))
			.collectMap(Map.Entry::getKey, Map.Entry::getValue)
			.map(ExchangeRates::new);
	}

	private static Map<String, CalculationInputs.PlanVersion> plans(Map<String, UUID> assigned, List<RuleVersion> found) {
		Map<UUID, CalculationInputs.PlanVersion> byKey = new HashMap<>();
		for (RuleVersion version : found) {
			if (version.kind() == RuleKind.COMMISSION_PLAN) {
				byKey.put(version.key(), new CalculationInputs.PlanVersion(version.key(), version.id(), PublishedVersions.ruleId(version.ruleKey()),
						version.number(), version.definitionSha256(), PlanDefinitions.read(version.definitionText())));
			}
		}
		Map<String, CalculationInputs.PlanVersion> byRep = new TreeMap<>();
		assigned.forEach((rep, key) -> {
			CalculationInputs.PlanVersion version = byKey.get(key);
			if (version != null) {
				byRep.put(rep, version);
			}
		});
		return byRep;
	}

	private static List<CalculationInputs.CreditedDeal> deals(List<DealCredits> credited) {
		List<CalculationInputs.CreditedDeal> deals = new ArrayList<>(credited.size());
		for (DealCredits each : credited) {
			var deal = each.deal();
			deals.add(new CalculationInputs.CreditedDeal(deal.key(), deal.dealId(), deal.rep(), deal.product(), deal.region(), deal.stage().name(),
					deal.closeDate(), deal.amount().amount(), deal.arr().amount(), deal.amount().currency(),
					each.shares().stream().map(share -> new CalculationInputs.Split(share.rep(), share.sharePercent())).toList(),
					"import " + deal.importKey() + " row " + deal.sourceRow()));
		}
		return deals;
	}

	private static List<CalculationInputs.Clawback> clawbacks(List<DealCredits.Cancellation> cancelled, Map<String, BigDecimal> paid) {
		List<CalculationInputs.Clawback> clawbacks = new ArrayList<>();
		for (DealCredits.Cancellation cancellation : cancelled) {
			var deal = cancellation.deal();
			paid.forEach((dealAndRep, amount) -> {
				String[] parts = dealAndRep.split("\\|", 2);
				if (parts[0].equals(deal.key().toString())) {
					clawbacks.add(new CalculationInputs.Clawback(deal.key(), deal.dealId(), parts[1], deal.closeDate(),
							cancellation.cancellationDate(), amount));
				}
			});
		}
		return clawbacks;
	}

}
