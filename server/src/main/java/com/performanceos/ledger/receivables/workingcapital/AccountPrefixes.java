package com.performanceos.ledger.receivables.workingcapital;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Account-code prefixes. They use the account-code alphabet (letters, digits, dots, dashes), which
 * holds none of SQL {@code LIKE}'s wildcards, so {@code prefix + "%"} matches exactly the codes
 * starting with the prefix.
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

	static String[] likePatterns(List<String> prefixes) {
		return prefixes.stream().map(prefix -> prefix + "%").toArray(String[]::new);
	}

}
