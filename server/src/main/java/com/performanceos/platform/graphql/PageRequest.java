package com.performanceos.platform.graphql;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.jspecify.annotations.Nullable;

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
		try {
			String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
			if (decoded.startsWith(CURSOR_PREFIX)) {
				return decoded.substring(CURSOR_PREFIX.length());
			}
		}
		catch (IllegalArgumentException ex) {
			// Falls through to the error below: the cursor was not produced by this server.
		}
		throw badInput("Not a cursor returned by this API: " + cursor);
	}

	private static GraphQlException badInput(String message) {
		return new GraphQlException(ErrorCode.BAD_USER_INPUT, message);
	}

}
