package com.performanceos.ledger.bank;

import java.util.List;
import java.util.Locale;

/**
 * A categorisation pattern, matched case-insensitively without regular expressions (so a tenant's
 * pattern can never make matching slow, as a backtracking regex can). Without {@code *} it matches
 * anywhere in the text; with {@code *} it must match the whole text, each {@code *} standing for any
 * run of characters. Matching is linear in the text for each segment.
 *
 * @param pattern the pattern as written
 */
record TextPattern(String pattern) {

	static final int LENGTH_MAX = 100;

	private static final char WILDCARD = '*';

	TextPattern {
		if (pattern.isBlank() || pattern.length() > LENGTH_MAX) {
			throw new IllegalArgumentException("A pattern has 1 to " + LENGTH_MAX + " characters");
		}
	}

	static boolean isValid(String pattern) {
		return !pattern.isBlank() && pattern.length() <= LENGTH_MAX && !pattern.chars().allMatch(c -> c == WILDCARD || c == ' ');
	}

	boolean matches(String text) {
		String subject = text.toLowerCase(Locale.ROOT);
		String wanted = pattern.strip().toLowerCase(Locale.ROOT);
		if (wanted.indexOf(WILDCARD) < 0) {
			return subject.contains(wanted);
		}
		List<String> segments = List.of(wanted.split("\\*", -1));
		String first = segments.get(0);
		String last = segments.get(segments.size() - 1);
		if (!subject.startsWith(first)) {
			return false;
		}
		int position = first.length();
		// Each middle segment is taken at its earliest occurrence: leaving the most room for the rest
		// is what makes the greedy scan correct for patterns whose only wildcard is "*".
		for (String segment : segments.subList(1, segments.size() - 1)) {
			int found = subject.indexOf(segment, position);
			if (found < 0) {
				return false;
			}
			position = found + segment.length();
		}
		return subject.length() - last.length() >= position && subject.endsWith(last);
	}

}
