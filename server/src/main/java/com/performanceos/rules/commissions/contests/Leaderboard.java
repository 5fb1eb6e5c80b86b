package com.performanceos.rules.commissions.contests;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.performanceos.rules.engine.expressions.CompiledExpression;
import com.performanceos.rules.sales.DealCredits;

/**
 * A contest's standings (the schema's {@code ContestLeaderboard}): reps by points, highest first, ties sharing a rank
 * (1, 2, 2, 4) and ordered by rep code.
 *
 * @param contest the contest
 * @param standings at most the number asked for
 * @param dealCount how many deals of the contest's days were scored
 */
record Leaderboard(SalesContest contest, List<Standing> standings, int dealCount) {

	private static final BigDecimal HUNDRED = new BigDecimal("100");

	/**
	 * One rep's place.
	 *
	 * @param rank 1 for the first
	 * @param rep the rep's code
	 * @param points the sum over deals of the metric times their share, to the cent
	 * @param deals how many deals scored points
	 */
	record Standing(int rank, String rep, BigDecimal points, int deals) {
	}

	static Leaderboard of(SalesContest contest, CompiledExpression metric, List<DealCredits> deals, int size) {
		Map<String, BigDecimal> points = new TreeMap<>();
		Map<String, Integer> counted = new TreeMap<>();
		for (DealCredits each : deals) {
			BigDecimal dealPoints = ContestMetric.points(metric, each.deal());
			if (dealPoints.signum() == 0) {
				continue;
			}
			List<DealCredits.Share> shares = each.shares().isEmpty() ? List.of(new DealCredits.Share(each.deal().rep(), HUNDRED)) : each.shares();
			for (DealCredits.Share share : shares) {
				points.merge(share.rep(), dealPoints.multiply(share.sharePercent()).divide(HUNDRED), BigDecimal::add);
				counted.merge(share.rep(), 1, Integer::sum);
			}
		}
		List<Map.Entry<String, BigDecimal>> ordered = new ArrayList<>(points.entrySet());
		ordered.sort(Map.Entry.<String, BigDecimal>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()));
		List<Standing> standings = new ArrayList<>();
		for (int index = 0; index < Math.min(size, ordered.size()); index++) {
			Map.Entry<String, BigDecimal> entry = ordered.get(index);
			boolean tie = index > 0 && ordered.get(index - 1).getValue().compareTo(entry.getValue()) == 0;
			int rank = tie ? standings.get(index - 1).rank() : index + 1;
			standings.add(new Standing(rank, entry.getKey(), entry.getValue().setScale(2, RoundingMode.HALF_UP), counted.get(entry.getKey())));
		}
		return new Leaderboard(contest, List.copyOf(standings), deals.size());
	}

}
