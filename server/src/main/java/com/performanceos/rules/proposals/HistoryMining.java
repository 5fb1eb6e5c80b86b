package com.performanceos.rules.proposals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * Deterministic statistics behind "rules mined from history": payouts grouped by role × product × region, and for
 * each group the rate that explains most of them (rate = payout / credit, rounded to 0.01 %, the most frequent one),
 * with its support (payouts it reproduces within {@link #TOLERANCE}) and the largest gap among those. No model is
 * asked: the recovered rates are facts of the tenant's own history, which the proposal then puts to a person.
 */
final class HistoryMining {

	/** A payout is explained by a rate when the rate gives it back within a cent. */
	static final BigDecimal TOLERANCE = new BigDecimal("0.01");

	/** Payouts a rate must explain before it is proposed: fewer is an anecdote, not a rule. */
	static final int SUPPORT_MIN = 3;

	/** Groups proposed at most (rows of the proposed table, one example each: the registry's examples limit). */
	static final int GROUPS_MAX = 100;

	private static final BigDecimal HUNDRED = new BigDecimal("100");

	private HistoryMining() {
	}

	/**
	 * One paid line as the miner sees it.
	 *
	 * @param role the rep's role
	 * @param product the deal's product
	 * @param region the deal's region
	 * @param credited the credit the payout was computed on
	 * @param amount the payout
	 */
	record Observation(String role, String product, String region, BigDecimal credited, BigDecimal amount) {
	}

	/**
	 * A rate recovered for one group.
	 *
	 * @param role the role
	 * @param product the product
	 * @param region the region
	 * @param ratePercent the rate, in percent (two decimals)
	 * @param support the payouts it reproduces within {@link #TOLERANCE}
	 * @param observations the payouts of the group
	 * @param largestGap the largest difference between a supported payout and credit × rate
	 * @param example a supported payout, to store as the proposed rule's example
	 */
	record MinedRate(String role, String product, String region, BigDecimal ratePercent, int support, int observations,
			BigDecimal largestGap, Observation example) {

		/** The rate as a fraction, e.g. 0.12 for 12 %. */
		BigDecimal fraction() {
			return ratePercent.divide(HUNDRED, 6, RoundingMode.UNNECESSARY).stripTrailingZeros();
		}

		/** "AE × Pro × FR: 12 % — 41 of 42 payouts match within 0.01". */
		String sentence() {
			return role + " × " + product + " × " + region + ": " + ratePercent.stripTrailingZeros().toPlainString() + " % — " + support + " of "
					+ observations + " payouts match within " + TOLERANCE.toPlainString();
		}

	}

	/** The rates that explain the observations, per group in name order; groups with too little support are left out. */
	static List<MinedRate> mine(List<Observation> observations) {
		Map<String, List<Observation>> groups = new TreeMap<>();
		for (Observation observation : observations) {
			if (observation.credited().signum() > 0) {
				groups.computeIfAbsent(observation.role() + "\u001f" + observation.product() + "\u001f" + observation.region(), key -> new ArrayList<>())
					.add(observation);
			}
		}
		List<MinedRate> mined = new ArrayList<>();
		for (List<Observation> group : groups.values()) {
			if (mined.size() == GROUPS_MAX) {
				break;
			}
			MinedRate rate = rateOf(group);
			if (rate.support() >= SUPPORT_MIN) {
				mined.add(rate);
			}
		}
		return mined;
	}

	/** The most frequent rounded rate of the group (the smaller on a tie, so the result never depends on order). */
	private static MinedRate rateOf(List<Observation> group) {
		Map<BigDecimal, Integer> counts = new TreeMap<>();
		for (Observation observation : group) {
			BigDecimal percent = observation.amount().multiply(HUNDRED).divide(observation.credited(), 2, RoundingMode.HALF_EVEN);
			counts.merge(percent, 1, Integer::sum);
		}
		BigDecimal best = counts.entrySet().stream().max(Comparator.<Map.Entry<BigDecimal, Integer>>comparingInt(Map.Entry::getValue)
			.thenComparing(Map.Entry::getKey, Comparator.reverseOrder())).orElseThrow().getKey();
		int support = 0;
		BigDecimal largestGap = BigDecimal.ZERO;
		@Nullable Observation example = null;
		for (Observation observation : group) {
			BigDecimal gap = observation.credited().multiply(best).divide(HUNDRED, 6, RoundingMode.HALF_EVEN).subtract(observation.amount()).abs();
			if (gap.compareTo(TOLERANCE) <= 0) {
				support++;
				largestGap = largestGap.max(gap);
				example = example == null ? observation : example;
			}
		}
		Observation first = group.getFirst();
		return new MinedRate(first.role(), first.product(), first.region(), best, support, group.size(), largestGap.stripTrailingZeros(),
				example == null ? first : example);
	}

}
