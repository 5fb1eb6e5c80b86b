package com.performanceos.platform.graphql;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import com.performanceos.platform.validation.ControlCharacters;
import com.performanceos.platform.validation.SupportedDates;

/**
 * A validated Relay page request over a keyset: {@code first}/{@code after} pages forward,
 * {@code last}/{@code before} pages backward. Page sizes above {@link #MAX_PAGE_SIZE} are an
 * error, never a silent truncation; with neither size given the page holds
 * {@link #DEFAULT_PAGE_SIZE} items.
 *
 * @param size the number of items wanted
 * @param forward whether the page runs forward from {@code cursor}
 * @param cursorKey the decoded keyset position, or null for the start (or end) of the list
 */
public record PageRequest(int size, boolean forward, @Nullable String cursorKey) {

	public static final int MAX_PAGE_SIZE = 100;

	public static final int DEFAULT_PAGE_SIZE = 20;

	private static final String CURSOR_PREFIX = "cursor:";

	private static final Pattern ISO_DATE_SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

	/** Longest cursor accepted; the keys of this API's cursors are a few dozen characters. */
	private static final int CURSOR_LENGTH_MAX = 1024;

	public static PageRequest of(@Nullable Integer first, @Nullable String after, @Nullable Integer last,
			@Nullable String before) {
		if (first != null && last != null) {
			throw badInput("Pass either first or last, not both");
		}
		if (after != null && before != null) {
			throw badInput("Pass either after or before, not both");
		}
		Integer size = first != null ? first : last;
		if (size != null && (size < 0 || size > MAX_PAGE_SIZE)) {
			throw badInput((first != null ? "first" : "last") + " must be between 0 and " + MAX_PAGE_SIZE + ", got " + size);
		}
		boolean forward = last == null && before == null;
		String cursor = forward ? after : before;
		return new PageRequest(size != null ? size : DEFAULT_PAGE_SIZE, forward, cursor != null ? decodeCursor(cursor) : null);
	}

	public static String encodeCursor(String key) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString((CURSOR_PREFIX + key).getBytes(StandardCharsets.UTF_8));
	}

	private static String decodeCursor(String cursor) {
		if (cursor.length() > CURSOR_LENGTH_MAX) {
			throw badInput("Not a cursor returned by this API (longer than " + CURSOR_LENGTH_MAX + " characters)");
		}
		try {
			String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
			if (decoded.startsWith(CURSOR_PREFIX) && wellFormedKey(decoded)) {
				return decoded.substring(CURSOR_PREFIX.length());
			}
		}
		catch (IllegalArgumentException ex) {
			// Falls through to the error below: the cursor was not produced by this server.
		}
		throw badInput("Not a cursor returned by this API: " + printable(cursor));
	}

	/**
	 * Whether a decoded key could have come from {@link #encodeCursor}: no malformed UTF-8 (decoded
	 * as U+FFFD) and no control character but the unit separator U+001F, which joins the parts of
	 * composite keys. A forged cursor must fail here, not in the SQL it would be bound into.
	 */
	private static boolean wellFormedKey(String decoded) {
		for (int i = 0; i < decoded.length(); i++) {
			char c = decoded.charAt(i);
			if (c == '\uFFFD' || Character.isISOControl(c) && c != '\u001f') {
				return false;
			}
		}
		// Keys hold dates as yyyy-MM-dd parts: each must be a real calendar day (2026-02-30 is not),
		// or the store that parses it fails. The range is not checked, so rows stored before the
		// range was enforced can still be paged through.
		for (String part : decoded.substring(CURSOR_PREFIX.length()).split("[|\u001f]")) {
			if (ISO_DATE_SHAPE.matcher(part).matches() && !SupportedDates.isCalendarDate(part)) {
				return false;
			}
		}
		return true;
	}

	private static String printable(String cursor) {
		return cursor.length() <= 80 && ControlCharacters.firstForbidden(cursor, ControlCharacters.Kind.IDENTIFIER) < 0 ? cursor
				: "(a value of " + cursor.length() + " characters)";
	}

	private static GraphQlException badInput(String message) {
		return new GraphQlException(ErrorCode.BAD_USER_INPUT, message);
	}

}
