package com.performanceos.tenders.organisations;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SiretTests {

	@Test
	void acceptsASiretWhoseLuhnSumIsAMultipleOfTen() {
		assertThat(Siret.problem("73282932000074")).isEmpty();
		assertThat(new Siret("21690123100011").siren()).isEqualTo("216901231");
	}

	@Test
	void refusesAWrongCheckDigit() {
		assertThat(Siret.problem("73282932000075")).contains("The SIRET's check digit is wrong");
		assertThatThrownBy(() -> new Siret("21690123100012")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void refusesAnythingButFourteenDigits() {
		assertThat(Siret.problem("7328293200007")).contains("A SIRET is 14 digits");
		assertThat(Siret.problem("7328293200007A")).contains("A SIRET is 14 digits");
		assertThat(Siret.problem("732 829 320 00074")).contains("A SIRET is 14 digits");
	}

	@Test
	void laPosteEstablishmentsAreValidWhenTheirDigitSumIsAMultipleOfFive() {
		// 35600000049837 fails Luhn but its digits sum to 45: valid for La Poste, as INSEE numbers them.
		assertThat(Siret.problem("35600000049837")).isEmpty();
		assertThat(new Siret("35600000049837").siren()).isEqualTo("356000000");
		assertThat(Siret.problem("35600000049838")).isPresent();
	}

}
