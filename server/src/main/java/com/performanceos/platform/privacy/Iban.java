package com.performanceos.platform.privacy;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A validated International Bank Account Number (ISO 13616): country code, two check digits and
 * a basic bank account number, whose mod-97 remainder is 1. Kept in its electronic form (no
 * spaces, upper case). Its {@link #toString()} is masked so it never leaks into logs.
 *
 * @param value the electronic form, e.g. {@code FR7630006000011234567890189}
 */
public record Iban(String value) {

	private static final Pattern SHAPE = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}");

	private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

	/** Trailing characters hidden by {@link #masked()}: what an external viewer never sees. */
	public static final int MASKED_TRAILING = 6;

	public Iban {
		if (!isValid(value)) {
			throw new IllegalArgumentException("Not a valid IBAN");
		}
	}

	/** Parses any common written form (spaces, lower case); empty when it is not a valid IBAN. */
	public static Optional<Iban> parse(String text) {
		String electronic = text.replace(" ", "").replace("-", "").toUpperCase(Locale.ROOT);
		return isValid(electronic) ? Optional.of(new Iban(electronic)) : Optional.empty();
	}

	/** Whether the electronic form has the IBAN shape and a mod-97 remainder of 1. */
	public static boolean isValid(String electronic) {
		if (electronic.length() > 34 || !SHAPE.matcher(electronic).matches()) {
			return false;
		}
		String rearranged = electronic.substring(4) + electronic.substring(0, 4);
		StringBuilder digits = new StringBuilder(rearranged.length() * 2);
		for (char c : rearranged.toCharArray()) {
			digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
		}
		return new BigInteger(digits.toString()).mod(NINETY_SEVEN).intValue() == 1;
	}

	/** The country code. */
	public String country() {
		return value.substring(0, 2);
	}

	/** The IBAN with its last {@value #MASKED_TRAILING} characters hidden, as external viewers see it. */
	public String masked() {
		return value.substring(0, value.length() - MASKED_TRAILING) + "*".repeat(MASKED_TRAILING);
	}

	@Override
	public String toString() {
		return masked();
	}

}
