package com.performanceos.platform.validation;

import java.util.Locale;
import java.util.Set;

/**
 * Which control characters a string may hold. NUL (U+0000) never: PostgreSQL cannot store it in text.
 * Free text (names, descriptions, memos) may hold tab, line feed and carriage return, no other C0
 * control. Identifiers (keys, codes, cursors, ids, references) hold no control character at all
 * (C0, DEL, C1): one would make two keys that print alike differ, or split a line of a log or a CSV.
 */
public final class ControlCharacters {

	/** How a string is used, which decides the characters it may hold. */
	public enum Kind {
		/** Text a person writes: tab, line feed and carriage return allowed. */
		FREE_TEXT,
		/** A key, code, cursor, id or reference: no control character. */
		IDENTIFIER
	}

	/**
	 * Names of string fields and arguments that hold identifiers although the schema types them
	 * {@code String}; besides these, every {@code ID} and every name ending in {@code Id}, {@code Ids},
	 * {@code Key}, {@code Code}, {@code Codes} or {@code Cursor} is one.
	 */
	private static final Set<String> IDENTIFIER_NAMES = Set.of("after", "before", "cursor", "key", "code", "codes", "id", "ids",
			"month", "period", "iban", "reference", "number", "url", "webhookurl", "webhooksecret", "source", "entity", "targettype",
			"action", "currency", "dateformat");

	private ControlCharacters() {
	}

	/** The kind of a string field or argument by its name (for a {@code String}-typed one). */
	public static Kind kindOfName(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		if (IDENTIFIER_NAMES.contains(lower) || name.endsWith("Id") || name.endsWith("Ids") || name.endsWith("Key") || name.endsWith("Code") || name.endsWith("Codes") || name.endsWith("Cursor")) {
			return Kind.IDENTIFIER;
		}
		return Kind.FREE_TEXT;
	}

	/** The index of the first character not allowed in a string of that kind, or -1 when all are allowed. */
	public static int firstForbidden(String value, Kind kind) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (forbidden(c, kind)) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * Checks a value.
	 * @throws InvalidInputException naming the character and its position when one is not allowed
	 */
	public static String check(String value, Kind kind) {
		int index = firstForbidden(value, kind);
		if (index >= 0) {
			throw new InvalidInputException("holds the control character U+" + String.format(Locale.ROOT, "%04X", (int) value.charAt(index))
					+ " at position " + (index + 1) + (kind == Kind.IDENTIFIER ? "; an identifier holds no control character"
							: "; text may hold tab and line breaks but no other control character"));
		}
		return value;
	}

	private static boolean forbidden(char c, Kind kind) {
		if (kind == Kind.IDENTIFIER) {
			return Character.isISOControl(c);
		}
		return c < 0x20 && c != '\t' && c != '\n' && c != '\r';
	}

}
