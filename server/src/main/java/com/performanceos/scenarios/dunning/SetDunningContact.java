package com.performanceos.scenarios.dunning;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.performanceos.platform.validation.EmailAddresses;
import com.performanceos.scenarios.planning.ScenarioError;

/** {@code setDunningContact}: its input and payload. Naturally idempotent (it sets), so it takes no key. */
final class SetDunningContact {

	static final int CODE_LENGTH_MAX = 100;

	static final int EMAIL_LENGTH_MAX = EmailAddresses.LENGTH_MAX;

	private SetDunningContact() {
	}

	/** @param phone the E.164 mobile number for SMS steps; null for none */
	record Input(String customerCode, String segment, String email, @Nullable String phone, DunningLanguage language) {

		List<ScenarioError> validate() {
			List<ScenarioError> errors = new ArrayList<>();
			if (customerCode.isBlank() || customerCode.length() > CODE_LENGTH_MAX) {
				errors.add(ScenarioError.invalid("customerCode", "customerCode must be 1 to " + CODE_LENGTH_MAX + " characters"));
			}
			if (segment.isBlank() || segment.length() > DunningCadence.SEGMENT_LENGTH_MAX) {
				errors.add(ScenarioError.invalid("segment", "segment must be 1 to " + DunningCadence.SEGMENT_LENGTH_MAX + " characters"));
			}
			if (!EmailAddresses.isPlain(email)) {
				errors.add(ScenarioError.invalid("email", "email must be one plain address of at most " + EMAIL_LENGTH_MAX + " characters"));
			}
			// The message does not repeat the number: a refusal is an answer that may be logged or shown elsewhere.
			if (phone != null && !PhoneNumber.isE164(phone)) {
				errors.add(ScenarioError.invalid("phone", "phone must be an E.164 number: +, the country code and at most "
						+ PhoneNumber.DIGITS_MAX + " digits in all"));
			}
			return errors;
		}

		@Nullable PhoneNumber phoneNumber() {
			return phone == null ? null : new PhoneNumber(phone);
		}

	}

	record Payload(@Nullable DunningContact contact, List<ScenarioError> userErrors) {
	}

}
