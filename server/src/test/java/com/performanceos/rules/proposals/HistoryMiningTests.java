package com.performanceos.rules.proposals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The statistics behind rules mined from history, on fixture histories generated with known rates. */
class HistoryMiningTests {

	/** Payouts of {@code count} deals of random credits at {@code ratePercent}, rounded to the cent as runs pay them. */
	private static List<HistoryMining.Observation> paid(Random random, String role, String product, String region, String ratePercent, int count) {
		List<HistoryMining.Observation> observations = new ArrayList<>();
		for (int index = 0; index < count; index++) {
			BigDecimal credited = BigDecimal.valueOf(1_000_00L + random.nextInt(200_000_00), 2);
			observations.add(new HistoryMining.Observation(role, product, region, credited,
					credited.multiply(new BigDecimal(ratePercent)).divide(new BigDecimal("100"), 2, RoundingMode.HALF_UP)));
		}
		return observations;
	}

	@Test
	void recoversTheRatesUsedToGenerateAHistoryWithTheirSupport() {
		Random random = new Random(11);
		List<HistoryMining.Observation> history = new ArrayList<>();
		history.addAll(paid(random, "AE", "Pro", "FR", "12", 415));
		history.addAll(paid(random, "AE", "Basic", "FR", "7.5", 40));
		history.addAll(paid(random, "SDR", "Pro", "DE", "3.25", 12));
		// Three AE Pro payouts at the accelerator (18 %): part of the group, not of the rate's support.
		history.addAll(paid(random, "AE", "Pro", "FR", "18", 3));
		Collections.shuffle(history, random);

		List<HistoryMining.MinedRate> mined = HistoryMining.mine(history);

		assertThat(mined).extracting(HistoryMining.MinedRate::role, HistoryMining.MinedRate::product, HistoryMining.MinedRate::region)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("AE", "Basic", "FR"), org.assertj.core.groups.Tuple.tuple("AE", "Pro", "FR"),
					org.assertj.core.groups.Tuple.tuple("SDR", "Pro", "DE"));
		HistoryMining.MinedRate basic = mined.get(0);
		HistoryMining.MinedRate pro = mined.get(1);
		HistoryMining.MinedRate sdr = mined.get(2);
		assertThat(pro.ratePercent().doubleValue()).isCloseTo(12.0, within(0.01));
		assertThat(pro.support()).isEqualTo(415);
		assertThat(pro.observations()).isEqualTo(418);
		assertThat(basic.ratePercent().doubleValue()).isCloseTo(7.5, within(0.01));
		assertThat(basic.support()).isEqualTo(40);
		assertThat(sdr.ratePercent().doubleValue()).isCloseTo(3.25, within(0.01));
		assertThat(sdr.support()).isEqualTo(12);
		assertThat(mined).allSatisfy(rate -> assertThat(rate.largestGap()).isLessThanOrEqualTo(HistoryMining.TOLERANCE));
		assertThat(pro.sentence()).isEqualTo("AE × Pro × FR: 12 % — 415 of 418 payouts match within 0.01");
		assertThat(pro.fraction()).isEqualByComparingTo("0.12");
	}

	@Test
	void leavesOutAGroupWithLessSupportThanTheMinimum() {
		Random random = new Random(3);
		List<HistoryMining.Observation> history = new ArrayList<>(paid(random, "AE", "Pro", "FR", "10", HistoryMining.SUPPORT_MIN));
		history.addAll(paid(random, "CSM", "Pro", "FR", "4", HistoryMining.SUPPORT_MIN - 1));

		assertThat(HistoryMining.mine(history)).extracting(HistoryMining.MinedRate::role).containsExactly("AE");
	}

	@Test
	void scatteredPayoutsExplainedByNoRateAreNotProposed() {
		List<HistoryMining.Observation> history = new ArrayList<>();
		for (int index = 1; index <= 10; index++) {
			history.add(new HistoryMining.Observation("AE", "Pro", "FR", new BigDecimal("1000.00"), new BigDecimal(100 + 7 * index)));
		}
		// Ten different rates (10.7 %, 11.4 %...): each explains one payout, below the minimum support.
		assertThat(HistoryMining.mine(history)).isEmpty();
	}

	@Test
	void theResultDoesNotDependOnTheOrderOfThePayouts() {
		Random random = new Random(5);
		List<HistoryMining.Observation> history = new ArrayList<>(paid(random, "AE", "Pro", "FR", "9", 5));
		history.addAll(paid(random, "AE", "Pro", "FR", "11", 5));
		List<HistoryMining.Observation> reversed = new ArrayList<>(history);
		Collections.reverse(reversed);

		// A tie between 9 % and 11 % goes to the smaller rate, whatever the order.
		for (List<HistoryMining.Observation> order : List.of(history, reversed)) {
			HistoryMining.MinedRate mined = HistoryMining.mine(order).getFirst();
			assertThat(mined.ratePercent()).isEqualByComparingTo("9");
			assertThat(mined.support()).isEqualTo(5);
			assertThat(mined.observations()).isEqualTo(10);
		}
	}

}
