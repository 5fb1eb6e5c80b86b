package com.performanceos.tenders.organisations;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A SIRET: 14 digits whose Luhn sum is a multiple of 10, except for the establishments of La Poste
 * (SIREN 356000000), numbered beyond what the Luhn key allows: theirs are valid when the plain sum of
 * the digits is a multiple of 5.
 *
 * @param value the 14 digits
 */
public record Siret(String value) {

	private static final Pattern DIGITS = Pattern.compile("[0-9]{14}");

	private static final String LA_POSTE_SIREN = "356000000";

	public Siret {
		if (problem(value).isPresent()) {
			throw new IllegalArgumentException("Not a valid SIRET");
		}
	}

	/** Why the text is not a valid SIRET, or empty when it is. */
	public static Optional<String> problem(String text) {
		if (!DIGITS.matcher(text).matches()) {
			return Optional.of("A SIRET is 14 digits");
		}
		boolean valid = text.startsWith(LA_POSTE_SIREN) ? digitSum(text) % 5 == 0 : luhnSum(text) % 10 == 0;
		return valid ? Optional.empty() : Optional.of("The SIRET's check digit is wrong");
	}

	/** The SIREN: the company's nine-digit number. */
	public String siren() {
		return value.substring(0, 9);
	}

	@Override
	public String toString() {
		return value;
	}

	private static int digitSum(String digits) {
		int sum = 0;
		for (int i = 0; i < digits.length(); i++) {
			sum += digits.charAt(i) - '0';
		}
		return sum;
	}

	/** Luhn from the right: every second digit doubled, nines cast out. */
	private static int luhnSum(String digits) {
		int sum = 0;
		for (int i = 0; i < digits.length(); i++) {
			int digit = digits.charAt(digits.length() - 1 - i) - '0';
			if (i % 2 == 1) {
				digit *= 2;
				if (digit > 9) {
					digit -= 9;
				}
			}
			sum += digit;
		}
		return sum;
	}

}
