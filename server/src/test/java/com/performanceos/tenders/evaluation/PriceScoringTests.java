package com.performanceos.tenders.evaluation;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.performanceos.tenders.procurement.PriceScoringMethod;

import static org.assertj.core.api.Assertions.assertThat;

class PriceScoringTests {

	private static final List<BigDecimal> PRICES = List.of(new BigDecimal("100000"), new BigDecimal("120000"), new BigDecimal("80000"));

	@Test
	void theDajRatioGivesTheLowestPriceTheFullPoints() {
		// 60 × 80,000 / price: 60, 48 and 40 points.
		assertThat(score(PriceScoringMethod.LOWEST_PRICE_RATIO, "80000")).isEqualByComparingTo("60.00");
		assertThat(score(PriceScoringMethod.LOWEST_PRICE_RATIO, "100000")).isEqualByComparingTo("48.00");
		assertThat(score(PriceScoringMethod.LOWEST_PRICE_RATIO, "120000")).isEqualByComparingTo("40.00");
	}

	@Test
	void linearScoringRunsFromTheLowestToTheHighestPrice() {
		assertThat(score(PriceScoringMethod.LINEAR, "80000")).isEqualByComparingTo("60.00");
		assertThat(score(PriceScoringMethod.LINEAR, "100000")).isEqualByComparingTo("30.00");
		assertThat(score(PriceScoringMethod.LINEAR, "120000")).isEqualByComparingTo("0.00");
	}

	@Test
	void equalPricesAllGetTheFullPointsAndScoresRoundHalfUp() {
		assertThat(PriceScoring.score(PriceScoringMethod.LINEAR, 60, BigDecimal.TEN, List.of(BigDecimal.TEN, BigDecimal.TEN)))
			.isEqualByComparingTo("60");
		// 40 × 70,000 / 90,000 = 31.111... → 31.11
		assertThat(PriceScoring.score(PriceScoringMethod.LOWEST_PRICE_RATIO, 40, new BigDecimal("90000"),
				List.of(new BigDecimal("70000"), new BigDecimal("90000")))).isEqualByComparingTo("31.11");
	}

	private static BigDecimal score(PriceScoringMethod method, String price) {
		return PriceScoring.score(method, 60, new BigDecimal(price), PRICES);
	}

}
