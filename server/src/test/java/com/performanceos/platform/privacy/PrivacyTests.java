package com.performanceos.platform.privacy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.performanceos.platform.privacy.PersonalDataDetector.Kind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PrivacyTests {

	@TempDir
	Path keys;

	@Test
	void acceptsIbansWhoseMod97CheckPassesAndRefusesOthers() {
		assertThat(Iban.parse("FR76 3000 6000 0112 3456 7890 189")).map(Iban::value).contains("FR7630006000011234567890189");
		assertThat(Iban.parse("GB82 WEST 1234 5698 7654 32")).isPresent();
		assertThat(Iban.parse("DE89370400440532013000")).isPresent();
		assertThat(Iban.parse("FR7630006000011234567890188")).isEmpty();
		assertThat(Iban.parse("DE89370400440532013001")).isEmpty();
		assertThat(Iban.parse("not an iban")).isEmpty();
	}

	@Test
	void masksTheLastSixCharacters() {
		Iban iban = Iban.parse("FR7630006000011234567890189").orElseThrow();
		assertThat(iban.masked()).isEqualTo("FR7630006000011234567******");
		assertThat(iban.toString()).isEqualTo(iban.masked()).doesNotContain("890189");
	}

	@Test
	void detectsEmailsValidIbansAndNationalIdsInFreeText() {
		String text = "Paid by jane.doe@example.com from FR76 3000 6000 0112 3456 7890 189, ref INV-2026-0042, NIR 1 85 05 78 006 084 91";
		assertThat(PersonalDataDetector.find(text)).extracting(PersonalDataDetector.Finding::kind)
			.containsExactlyInAnyOrder(Kind.EMAIL, Kind.IBAN, Kind.NATIONAL_ID);
		assertThat(PersonalDataDetector.redact(text)).contains("[EMAIL]").contains("[IBAN]").contains("[NATIONAL_ID]")
			.doesNotContain("jane.doe").contains("INV-2026-0042");
		// One digit off a real IBAN: the mod-97 check fails, so it is not flagged.
		assertThat(PersonalDataDetector.containsPersonalData("Invoice FR76 3000 6000 0112 3456 7890 188")).isFalse();
		// Same digits, wrong key: a reference number, not a social security number.
		assertThat(PersonalDataDetector.containsPersonalData("Order 1 85 05 78 006 084 36")).isFalse();
	}

	@Test
	void encryptsPerTenantAndDetectsTampering() {
		FieldCipher cipher = new FieldCipher(PrivacyKeys.load(null, keys, "k"));
		String sealed = cipher.encrypt("acme", "FR7630006000011234567890189");
		assertThat(sealed).startsWith("v1:").doesNotContain("FR76");
		assertThat(cipher.encrypt("acme", "FR7630006000011234567890189")).isNotEqualTo(sealed);
		assertThat(cipher.decrypt("acme", sealed)).isEqualTo("FR7630006000011234567890189");
		assertThatThrownBy(() -> cipher.decrypt("globex", sealed)).isInstanceOf(IllegalStateException.class);
		String altered = sealed.substring(0, sealed.length() - 2) + (sealed.endsWith("A=") ? "B=" : "A=");
		assertThatThrownBy(() -> cipher.decrypt("acme", altered)).isInstanceOf(IllegalStateException.class);
		// The generated key is kept: a new cipher over the same directory still decrypts.
		assertThat(new FieldCipher(PrivacyKeys.load(null, keys, "k")).decrypt("acme", sealed)).isEqualTo("FR7630006000011234567890189");
	}

	@Test
	void pseudonymsAreStablePerTenantAndDifferAcrossTenants() {
		PersonalDataHasher hasher = new PersonalDataHasher(PrivacyKeys.load(null, keys, "h"));
		String acme = hasher.pseudonym("acme", " Jane.Doe@Example.com ");
		assertThat(acme).hasSize(64).isEqualTo(hasher.pseudonym("acme", "jane.doe@example.com"));
		assertThat(hasher.pseudonym("globex", "jane.doe@example.com")).isNotEqualTo(acme);
		assertThat(acme).doesNotContain("jane");
	}

	@Test
	void refusesAConfiguredKeyOfTheWrongLength() {
		assertThatThrownBy(() -> PrivacyKeys.load("c2hvcnQ=", keys, "x")).hasMessageContaining("must be 32 bytes");
	}

}
