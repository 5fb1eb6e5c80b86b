package com.performanceos.ledger.receivables.workingcapital;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Account-code prefixes, in the account-code alphabet (letters, digits, dots, dashes); a code
 * matches when it starts with one of them.
 */
final class AccountPrefixes {

	static final int COUNT_MAX = 20;

	private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9.-]{1,20}");

	private AccountPrefixes() {
	}

	/** Why the prefixes are unacceptable, or empty when they are fine. */
	static Optional<String> problem(List<String> prefixes) {
		if (prefixes.isEmpty() || prefixes.size() > COUNT_MAX) {
			return Optional.of("between 1 and " + COUNT_MAX + " prefixes are needed, got " + prefixes.size());
		}
		return prefixes.stream()
			.filter(prefix -> !PREFIX.matcher(prefix).matches())
			.findFirst()
			.map(prefix -> "a prefix is 1 to 20 letters, digits, dots or dashes, got \"" + prefix + "\"");
	}

	static void requireValid(List<String> prefixes, String setting) {
		problem(prefixes).ifPresent(problem -> {
			throw new IllegalArgumentException("performanceos.ledger.receivables.working-capital." + setting + ": " + problem);
		});
	}

	/** Whether the account code starts with one of the prefixes. */
	static boolean matches(List<String> prefixes, String code) {
		return prefixes.stream().anyMatch(code::startsWith);
	}

}
