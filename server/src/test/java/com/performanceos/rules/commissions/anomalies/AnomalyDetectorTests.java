package com.performanceos.rules.commissions.anomalies;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.performanceos.ledger.imports.DealStage;
import com.performanceos.platform.graphql.Money;
import com.performanceos.rules.sales.Deal;
import com.performanceos.rules.sales.DealCredits;
import com.performanceos.rules.sales.DealSource;

import static org.assertj.core.api.Assertions.assertThat;

class AnomalyDetectorTests {

	private static final Currency EUR = Currency.getInstance("EUR");

	private static DealCredits deal(String ref, String rep, String product, String amount, String day) {
		Money money = new Money(new BigDecimal(amount), EUR);
		return new DealCredits(new Deal(UUID.nameUUIDFromBytes(ref.getBytes(java.nio.charset.StandardCharsets.UTF_8)), ref, rep, product, "FR",
				money, money, DealStage.CLOSED_WON, LocalDate.parse(day), UUID.randomUUID(), 1, DealSource.values()[0]), List.of());
	}

	private static List<DealCredits> history() {
		List<DealCredits> history = new ArrayList<>();
		String[] amounts = { "9000", "9500", "10000", "10500", "11000", "12000" };
		for (int index = 0; index < amounts.length; index++) {
			history.add(deal("H-" + index, "ana", "Pro", amounts[index], "2026-02-0" + (index + 1)));
		}
		return history;
	}

	private static Map<UUID, BigDecimal> paidInFull(List<DealCredits> deals) {
		Map<UUID, BigDecimal> shares = new java.util.HashMap<>();
		deals.forEach(each -> shares.put(each.deal().key(), new BigDecimal("100")));
		return shares;
	}

	@Test
	void aCleanRunHasNoAnomaly() {
		List<DealCredits> deals = List.of(deal("D-1", "ana", "Pro", "10200", "2026-03-10"), deal("D-2", "ana", "Pro", "9800", "2026-03-11"));
		assertThat(AnomalyDetector.detect(new AnomalyDetector.Facts(deals, history(), Set.of("ana"), Set.of("ana"), paidInFull(deals)))).isEmpty();
	}

	@Test
	void findsEachKindWithItsSeverityGravestFirst() {
		DealCredits big = deal("D-BIG", "ana", "Pro", "500000", "2026-03-12");
		List<DealCredits> deals = List.of(deal("D-1", "ana", "Pro", "10000", "2026-03-10"), deal("D-1-again", "ana", "Pro", "10000.00", "2026-03-10"),
				big, deal("D-DAN", "dan", "Pro", "10000", "2026-03-13"), deal("D-LOST", "ana", "Pro", "10100", "2026-03-14"));
		Map<UUID, BigDecimal> shares = paidInFull(deals);
		shares.put(big.deal().key(), new BigDecimal("150"));
		shares.remove(deals.get(4).deal().key());
		shares.remove(deals.get(3).deal().key());

		List<Anomaly> found = AnomalyDetector.detect(new AnomalyDetector.Facts(deals, history(), Set.of("ana"), Set.of("ana", "eve"), shares));

		assertThat(found).extracting(Anomaly::kind, Anomaly::severity, Anomaly::rep, Anomaly::dealRefs).containsExactly(
				org.assertj.core.groups.Tuple.tuple(AnomalyKind.DUPLICATE_DEAL, AnomalySeverity.CRITICAL, "ana", List.of("D-1", "D-1-again")),
				org.assertj.core.groups.Tuple.tuple(AnomalyKind.CREDIT_OVER_100, AnomalySeverity.CRITICAL, "ana", List.of("D-BIG")),
				org.assertj.core.groups.Tuple.tuple(AnomalyKind.AMOUNT_UNUSUAL_FOR_REP, AnomalySeverity.WARNING, "ana", List.of("D-BIG")),
				org.assertj.core.groups.Tuple.tuple(AnomalyKind.AMOUNT_UNUSUAL_FOR_PRODUCT, AnomalySeverity.WARNING, "ana", List.of("D-BIG")),
				org.assertj.core.groups.Tuple.tuple(AnomalyKind.ELIGIBLE_DEAL_WITHOUT_LINE, AnomalySeverity.WARNING, "ana", List.of("D-LOST")),
				org.assertj.core.groups.Tuple.tuple(AnomalyKind.REP_WITHOUT_PLAN, AnomalySeverity.WARNING, "dan", List.of("D-DAN")),
				org.assertj.core.groups.Tuple.tuple(AnomalyKind.REP_WITHOUT_PLAN, AnomalySeverity.INFO, "eve", List.of()));
		assertThat(found.get(2).message()).contains("median 10250.00").contains("MAD 750.00").contains("over 6 earlier deals");
	}

	@Test
	void robustRangeIgnoresAFewExtremeEarlierAmountsAndNeedsEnoughOfThem() {
		List<BigDecimal> amounts = new ArrayList<>(history().stream().map(each -> each.deal().amount().amount()).toList());
		amounts.add(new BigDecimal("900000"));
		RobustRange range = RobustRange.of(amounts).orElseThrow();
		// One extreme amount in the history barely moves the median (10,500) or the MAD (1,000).
		assertThat(range.median()).isEqualTo(10500.0);
		assertThat(range.mad()).isEqualTo(1000.0);
		assertThat(range.unusual(new BigDecimal("14000"))).isFalse();
		assertThat(range.unusual(new BigDecimal("16000"))).isTrue();
		assertThat(RobustRange.of(amounts.subList(0, RobustRange.SAMPLE_MIN - 1))).isEmpty();
		assertThat(RobustRange.of(List.of(BigDecimal.TEN, BigDecimal.TEN, BigDecimal.TEN, BigDecimal.ONE, BigDecimal.TWO))).isEmpty();
	}

}
