package com.performanceos.tenders.evaluation;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AbnormallyLowOffersTests {

	private static final List<BigDecimal> AMOUNTS = List.of(new BigDecimal("100000"), new BigDecimal("120000"), new BigDecimal("80000"));

	@Test
	void anOfferUnderEightyPercentOfTheMeanOfTheOthersIsAbnormallyLow() {
		// 80,000 < 80 % of (100,000 + 120,000) / 2 = 88,000.
		assertThat(AbnormallyLowOffers.detect(AMOUNTS, 2, 80, BigDecimal.ONE)).hasValueSatisfying(
				reference -> assertThat(reference).isEqualByComparingTo("88000"));
		// 100,000 is not under 80 % of 100,000.
		assertThat(AbnormallyLowOffers.detect(AMOUNTS, 0, 80, BigDecimal.ONE)).isEmpty();
	}

	@Test
	void aLoneOfferIsComparedWithTheEstimate() {
		assertThat(AbnormallyLowOffers.detect(List.of(new BigDecimal("70000")), 0, 80, new BigDecimal("100000"))).isPresent();
		assertThat(AbnormallyLowOffers.detect(List.of(new BigDecimal("80000")), 0, 80, new BigDecimal("100000"))).isEmpty();
	}

}
