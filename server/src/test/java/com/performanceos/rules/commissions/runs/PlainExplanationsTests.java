package com.performanceos.rules.commissions.runs;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A rewording is kept only when every figure it writes is one of the deterministic sentence's. */
class PlainExplanationsTests {

	private static final String SENTENCE = "Deal D-A (import row 1, closed 2026-03-10) credits ana 100 % = 40,000.00; plan AE version 1, "
			+ "GRADUATED tiers: Base: 40,000.00 at 10 % = 4,000.00; amount 4,000.00 EUR.";

	@Test
	void keepsARewordingThatWritesOnlyTheSentencesFigures() {
		PlainExplanations.Plain plain = PlainExplanations.checked(SENTENCE, "You earned 4,000.00 EUR: 10 % of 40,000.00 on deal D-A.", "m");

		assertThat(plain.source()).isEqualTo("REWORDED");
		assertThat(plain.text()).isEqualTo("You earned 4,000.00 EUR: 10 % of 40,000.00 on deal D-A.");
		assertThat(plain.fallbackReason()).isNull();
	}

	@Test
	void refusesARewordingThatChangesOrAddsAFigure() {
		PlainExplanations.Plain changed = PlainExplanations.checked(SENTENCE, "You earned 4,500.00 EUR on deal D-A.", "m");
		PlainExplanations.Plain computed = PlainExplanations.checked(SENTENCE, "You earned 4,000.00 EUR, 333.33 a month.", "m");

		assertThat(changed.source()).isEqualTo("DETERMINISTIC");
		assertThat(changed.text()).isEqualTo(SENTENCE);
		assertThat(changed.fallbackReason()).contains("450000");
		assertThat(computed.source()).isEqualTo("DETERMINISTIC");
	}

	@Test
	void figuresAreComparedWhateverTheirGroupingAndDecimalMarks() {
		assertThat(PlainExplanations.figures("4 000,00 EUR on 2026-03-10")).containsExactlyInAnyOrder("400000", "2026", "3", "10");
		assertThat(PlainExplanations.checked(SENTENCE, "Vous avez gagné 4 000,00 EUR : 10 % de 40 000,00.", "m").source()).isEqualTo("REWORDED");
	}

	@Test
	void refusesARewordingThatNamesAPseudonymOrIsEmpty() {
		assertThat(PlainExplanations.checked(SENTENCE, "NAME_0a1b2c3d earned 4,000.00 EUR.", "m").source()).isEqualTo("DETERMINISTIC");
		assertThat(PlainExplanations.checked(SENTENCE, "  ", "m").source()).isEqualTo("DETERMINISTIC");
	}

}
