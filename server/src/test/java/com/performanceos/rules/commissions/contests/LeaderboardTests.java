package com.performanceos.rules.commissions.contests;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.performanceos.ledger.imports.DealStage;
import com.performanceos.platform.graphql.Money;
import com.performanceos.rules.engine.RuleDefinitionException;
import com.performanceos.rules.sales.Deal;
import com.performanceos.rules.sales.DealCredits;
import com.performanceos.rules.sales.DealSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class LeaderboardTests {

	private static final SalesContest CONTEST = new SalesContest(UUID.randomUUID(), "Q2", LocalDate.parse("2026-04-01"), LocalDate.parse("2026-06-30"),
			"stage == 'CLOSED_WON' && product == 'NewBiz' ? arr : 0", "sam", Instant.EPOCH);

	private static DealCredits deal(String rep, String product, DealStage stage, String arr, DealCredits.Share... shares) {
		Money amount = new Money(new BigDecimal(arr), Currency.getInstance("EUR"));
		return new DealCredits(new Deal(UUID.randomUUID(), "D-" + UUID.randomUUID(), rep, product, "FR", amount, amount, stage,
				LocalDate.parse("2026-04-10"), UUID.randomUUID(), 1, DealSource.values()[0]), List.of(shares));
	}

	@Test
	void ranksRepsByTheMetricTimesTheirShareWithTiesSharingARank() {
		List<DealCredits> deals = List.of(deal("ana", "NewBiz", DealStage.CLOSED_WON, "30000"),
				deal("bob", "NewBiz", DealStage.CLOSED_WON, "40000", new DealCredits.Share("bob", new BigDecimal("75")),
						new DealCredits.Share("cleo", new BigDecimal("25"))),
				deal("cleo", "NewBiz", DealStage.CLOSED_WON, "20000"), deal("ana", "Renewal", DealStage.CLOSED_WON, "99999"),
				deal("dan", "NewBiz", DealStage.CLOSED_LOST, "80000"));

		Leaderboard board = Leaderboard.of(CONTEST, ContestMetric.compile(CONTEST.metric()), deals, 10);

		assertThat(board.standings()).extracting(Leaderboard.Standing::rank, Leaderboard.Standing::rep, Leaderboard.Standing::deals)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(1, "ana", 1), org.assertj.core.groups.Tuple.tuple(1, "bob", 1),
					org.assertj.core.groups.Tuple.tuple(1, "cleo", 2));
		assertThat(board.standings()).allSatisfy(standing -> assertThat(standing.points()).isEqualByComparingTo("30000"));
		assertThat(board.dealCount()).isEqualTo(5);
		assertThat(Leaderboard.of(CONTEST, ContestMetric.compile(CONTEST.metric()), deals.subList(0, 2), 1).standings())
			.extracting(Leaderboard.Standing::rep).containsExactly("ana");
	}

	@Test
	void aMetricMustAnswerAnAmount() {
		assertThatExceptionOfType(RuleDefinitionException.class).isThrownBy(() -> ContestMetric.compile("arr > 5"));
		assertThatExceptionOfType(RuleDefinitionException.class).isThrownBy(() -> ContestMetric.compile("customer"));
	}

}
