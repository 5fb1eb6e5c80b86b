package com.performanceos.platform.analytics;

import java.util.regex.Pattern;

/**
 * Checks names that become SQL identifiers. They come from application code, never from users, and this check
 * makes that safe to render unquoted in both dialects.
 */
final class Identifiers {

	/** Lower-case snake case, starting with a letter: never a keyword-quoting problem, never an alias clash. */
	private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

	private Identifiers() {
	}

	static String require(String name, String what) {
		if (!NAME.matcher(name).matches()) {
			throw new IllegalArgumentException(what + " '" + name + "' must match " + NAME.pattern());
		}
		return name;
	}

}
