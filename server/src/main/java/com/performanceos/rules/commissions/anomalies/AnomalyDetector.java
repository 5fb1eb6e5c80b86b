package com.performanceos.rules.commissions.anomalies;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

import com.performanceos.rules.sales.Deal;
import com.performanceos.rules.sales.DealCredits;

/**
 * Finds a run's anomalies from what it read and what it wrote, in memory and deterministically (sorted orders only):
 * the same facts give the same anomalies in the same order.
 */
final class AnomalyDetector {

	/** The most anomalies one run reports: beyond it the run is wrong as a whole, and the first ones say why. */
	static final int ANOMALIES_MAX = 1_000;

	private static final BigDecimal HUNDRED = new BigDecimal("100");

	private static final String WON = "CLOSED_WON";

	private AnomalyDetector() {
	}

	/**
	 * What a run's anomalies are found from.
	 *
	 * @param deals the period's deals as the run knew them, with the splits then in force (cancelled ones left out)
	 * @param history the deals of the months before, as the run knew them: the usual ranges
	 * @param planned the reps with a plan assigned for the period
	 * @param quotaReps the reps with a quota for the period
	 * @param directShare each deal's DIRECT credit in the run, in percent
	 */
	record Facts(List<DealCredits> deals, List<DealCredits> history, Set<String> planned, Set<String> quotaReps,
			Map<UUID, BigDecimal> directShare) {
	}

	static List<Anomaly> detect(Facts facts) {
		List<Anomaly> found = new ArrayList<>();
		duplicates(facts, found);
		unusualAmounts(facts, Deal::rep, AnomalyKind.AMOUNT_UNUSUAL_FOR_REP, "rep", found);
		unusualAmounts(facts, Deal::product, AnomalyKind.AMOUNT_UNUSUAL_FOR_PRODUCT, "product", found);
		creditAndLines(facts, found);
		repsWithoutPlan(facts, found);
		found.sort(Anomaly.ORDER);
		return List.copyOf(found.subList(0, Math.min(found.size(), ANOMALIES_MAX)));
	}

	/** Same owner, product, amount, currency and close date under two references: most likely one deal entered twice. */
	private static void duplicates(Facts facts, List<Anomaly> found) {
		Map<String, List<Deal>> byIdentity = new TreeMap<>();
		for (DealCredits each : facts.deals()) {
			Deal deal = each.deal();
			String identity = String.join("\u001f", deal.rep(), deal.product(), deal.amount().amount().stripTrailingZeros().toPlainString(),
					deal.amount().currency().getCurrencyCode(), deal.closeDate().toString());
			byIdentity.computeIfAbsent(identity, ignored -> new ArrayList<>()).add(deal);
		}
		byIdentity.values().stream().filter(deals -> deals.size() > 1).forEach(deals -> {
			Deal first = deals.getFirst();
			List<String> refs = deals.stream().map(Deal::dealId).sorted().toList();
			found.add(new Anomaly(AnomalyKind.DUPLICATE_DEAL, AnomalySeverity.CRITICAL, first.rep(), refs, String.format(Locale.ROOT,
					"Deals %s have the same owner %s, product %s, amount %s %s and close date %s: one is probably entered twice",
					String.join(", ", refs), first.rep(), first.product(), first.amount().amount().toPlainString(),
					first.amount().currency().getCurrencyCode(), first.closeDate())));
		});
	}

	/** Amounts far from the usual range of the group (rep or product) in the months before, by median and MAD. */
	private static void unusualAmounts(Facts facts, Function<Deal, String> group, AnomalyKind kind, String groupName, List<Anomaly> found) {
		Map<String, List<BigDecimal>> earlier = new TreeMap<>();
		for (DealCredits each : facts.history()) {
			earlier.computeIfAbsent(group.apply(each.deal()), ignored -> new ArrayList<>()).add(each.deal().amount().amount());
		}
		Map<String, RobustRange> ranges = new TreeMap<>();
		earlier.forEach((name, amounts) -> RobustRange.of(amounts).ifPresent(range -> ranges.put(name, range)));
		for (DealCredits each : facts.deals()) {
			Deal deal = each.deal();
			RobustRange range = ranges.get(group.apply(deal));
			if (range != null && range.unusual(deal.amount().amount())) {
				found.add(new Anomaly(kind, AnomalySeverity.WARNING, deal.rep(), List.of(deal.dealId()), String.format(Locale.ROOT,
						"Deal %s of %s %s is far from %s %s's usual range: median %.2f, MAD %.2f over %d earlier deals, modified z-score %.1f (cut-off %.1f)",
						deal.dealId(), deal.amount().amount().toPlainString(), deal.amount().currency().getCurrencyCode(), groupName,
						group.apply(deal), range.median(), range.mad(), range.sampleSize(), range.score(deal.amount().amount()), RobustRange.CUT_OFF)));
			}
		}
	}

	/** A deal credited above 100 % pays more than the deal; a won deal of a planned rep without a line pays less. */
	private static void creditAndLines(Facts facts, List<Anomaly> found) {
		for (DealCredits each : facts.deals()) {
			Deal deal = each.deal();
			BigDecimal share = facts.directShare().get(deal.key());
			if (share != null && share.compareTo(HUNDRED) > 0) {
				found.add(new Anomaly(AnomalyKind.CREDIT_OVER_100, AnomalySeverity.CRITICAL, deal.rep(), List.of(deal.dealId()),
						"Deal " + deal.dealId() + " is credited " + share.setScale(2, RoundingMode.HALF_UP).toPlainString()
								+ " % in all: more than the deal itself"));
			}
			List<String> credited = each.shares().isEmpty() ? List.of(deal.rep())
					: each.shares().stream().map(DealCredits.Share::rep).toList();
			boolean planned = credited.stream().anyMatch(facts.planned()::contains);
			if (share == null && planned && WON.equals(deal.stage().name())) {
				found.add(new Anomaly(AnomalyKind.ELIGIBLE_DEAL_WITHOUT_LINE, AnomalySeverity.WARNING, deal.rep(), List.of(deal.dealId()),
						"Won deal " + deal.dealId() + " is credited to " + String.join(", ", credited)
								+ " who has a plan, yet the run has no line for it (the plan's eligibility excluded it, or the plan was assigned after the run)"));
			}
		}
	}

	/** Credit or a quota without a plan earns nothing: a forgotten assignment, usually. */
	private static void repsWithoutPlan(Facts facts, List<Anomaly> found) {
		Map<String, TreeSet<String>> creditedDeals = new TreeMap<>();
		for (DealCredits each : facts.deals()) {
			List<String> reps = each.shares().isEmpty() ? List.of(each.deal().rep())
					: each.shares().stream().map(DealCredits.Share::rep).toList();
			reps.forEach(rep -> creditedDeals.computeIfAbsent(rep, ignored -> new TreeSet<>()).add(each.deal().dealId()));
		}
		creditedDeals.forEach((rep, deals) -> {
			if (!facts.planned().contains(rep)) {
				found.add(new Anomaly(AnomalyKind.REP_WITHOUT_PLAN, AnomalySeverity.WARNING, rep, List.copyOf(deals),
						"Rep " + rep + " is credited on " + deals.size() + " deal(s) of the period but has no plan: they earn nothing"));
			}
		});
		for (String rep : new TreeSet<>(facts.quotaReps())) {
			if (!facts.planned().contains(rep) && !creditedDeals.containsKey(rep)) {
				found.add(new Anomaly(AnomalyKind.REP_WITHOUT_PLAN, AnomalySeverity.INFO, rep, List.of(),
						"Rep " + rep + " has a quota for the period but no plan"));
			}
		}
	}

}
