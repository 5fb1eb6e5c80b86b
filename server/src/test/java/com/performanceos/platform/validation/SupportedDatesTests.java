package com.performanceos.platform.validation;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SupportedDatesTests {

	@Test
	void parsesRealDaysWithinTheRange() {
		assertThat(SupportedDates.parseDate("2028-02-29")).isEqualTo(LocalDate.of(2028, 2, 29));
		assertThat(SupportedDates.parseDate("1970-01-01")).isEqualTo(SupportedDates.MIN);
		assertThat(SupportedDates.parseDate("2099-12-31")).isEqualTo(SupportedDates.MAX);
	}

	@Test
	void refusesImpossibleDaysInsteadOfClampingThem() {
		for (String text : new String[] { "2026-02-30", "2026-04-31", "2025-02-29", "2026-13-01", "2026-1-1", "+2026-01-01", "" }) {
			assertThatThrownBy(() -> SupportedDates.parseDate(text)).as(text).isInstanceOf(InvalidInputException.class);
		}
	}

	@Test
	void refusesDaysAndInstantsOutsideTheRange() {
		for (String text : new String[] { "9999-12-31", "0001-01-01", "1899-12-31", "1969-12-31", "2100-01-01" }) {
			assertThatThrownBy(() -> SupportedDates.parseDate(text)).as(text).isInstanceOf(InvalidInputException.class)
				.hasMessageContaining("between 1970-01-01 and 2099-12-31");
		}
		for (String text : new String[] { "+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "1969-12-31T23:59:59Z",
				"2100-01-01T00:00:00Z", "2099-12-31T23:00:00-01:00", "2026-11-21T14:24:00" }) {
			assertThatThrownBy(() -> SupportedDates.parseDateTime(text)).as(text).isInstanceOf(InvalidInputException.class);
		}
		assertThat(SupportedDates.parseDateTime("2099-12-31T23:59:59Z")).isEqualTo(Instant.parse("2099-12-31T23:59:59Z"));
		assertThat(SupportedDates.parseDateTime("1970-01-01T01:00:00+01:00")).isEqualTo(SupportedDates.MIN_INSTANT);
	}

	@Test
	void controlCharactersDependOnTheKindOfString() {
		assertThat(ControlCharacters.firstForbidden("a\u0000b", ControlCharacters.Kind.FREE_TEXT)).isEqualTo(1);
		assertThat(ControlCharacters.firstForbidden("line\r\n\ttab", ControlCharacters.Kind.FREE_TEXT)).isEqualTo(-1);
		assertThat(ControlCharacters.firstForbidden("bell\u0007", ControlCharacters.Kind.FREE_TEXT)).isEqualTo(4);
		assertThat(ControlCharacters.firstForbidden("key\t", ControlCharacters.Kind.IDENTIFIER)).isEqualTo(3);
		assertThat(ControlCharacters.firstForbidden("c1\u0085", ControlCharacters.Kind.IDENTIFIER)).isEqualTo(2);
		assertThat(ControlCharacters.firstForbidden("Ünïcödé 😀", ControlCharacters.Kind.IDENTIFIER)).isEqualTo(-1);
		assertThat(ControlCharacters.kindOfName("idempotencyKey")).isEqualTo(ControlCharacters.Kind.IDENTIFIER);
		assertThat(ControlCharacters.kindOfName("accountIds")).isEqualTo(ControlCharacters.Kind.IDENTIFIER);
		assertThat(ControlCharacters.kindOfName("after")).isEqualTo(ControlCharacters.Kind.IDENTIFIER);
		assertThat(ControlCharacters.kindOfName("memo")).isEqualTo(ControlCharacters.Kind.FREE_TEXT);
		assertThat(ControlCharacters.kindOfName("delimiter")).isEqualTo(ControlCharacters.Kind.FREE_TEXT);
	}

}
