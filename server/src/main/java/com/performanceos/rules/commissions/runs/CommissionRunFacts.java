package com.performanceos.rules.commissions.runs;

import java.util.List;

import com.performanceos.platform.events.EventType;

/**
 * A successful run's results for analysis, aggregated per rep, team, product, region and line kind, in parts of at
 * most {@link RunFacts#FACTS_PER_EVENT} facts (a million lines make a few thousand facts, not a million events).
 *
 * @param runId the run's global id
 * @param period the run's month, YYYY-MM
 * @param part the part's number, from 0
 * @param facts the aggregated facts of this part
 */
@EventType("commissions.CommissionRunFacts")
public record CommissionRunFacts(String runId, String period, int part, List<Fact> facts) {

	/**
	 * What a run pays one rep on one product in one region, for one kind of line.
	 *
	 * @param rep the rep's code
	 * @param team the rep's manager as of the period's last day, empty for none
	 * @param product the deals' product (empty for a clawback, whose deal closed in an earlier period)
	 * @param region the deals' region (empty for a clawback)
	 * @param kind DIRECT, ROLLUP or CLAWBACK
	 * @param amount what the lines pay, as a decimal string
	 * @param credited the credit they are computed on, as a decimal string
	 * @param lines how many lines
	 * @param currency the currency of the amounts
	 */
	public record Fact(String rep, String team, String product, String region, String kind, String amount, String credited, long lines,
			String currency) {
	}

}
