package com.performanceos.scenarios.dunning;

import java.util.regex.Pattern;

/**
 * A mobile number in E.164 form ({@code +33612345678}): a plus, a country code that does not start with 0, at most
 * 15 digits in all; the form the SMS provider's API takes. Its {@code toString} keeps the last two digits only, so a
 * number that reaches a log line or an exception's message does not say whom a tenant reminds.
 */
record PhoneNumber(String value) {

	static final int DIGITS_MAX = 15;

	private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1," + (DIGITS_MAX - 1) + "}");

	PhoneNumber {
		if (!isE164(value)) {
			throw new IllegalArgumentException("Not an E.164 phone number: " + mask(value));
		}
	}

	static boolean isE164(String text) {
		return E164.matcher(text).matches();
	}

	/** The number with every digit but the last two replaced, for logs and texts a number must not appear in. */
	static String mask(String text) {
		if (text.length() <= 2) {
			return "**";
		}
		return "*".repeat(text.length() - 2) + text.substring(text.length() - 2);
	}

	@Override
	public String toString() {
		return mask(value);
	}

}
