package com.performanceos.platform.audit;

import java.time.Instant;
import java.time.ZoneOffset;

import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;

import com.performanceos.platform.graphql.ErrorCode;
import com.performanceos.platform.graphql.GraphQlException;

/**
 * Which audit records a listing or an export covers: one action, and a half-open time range
 * {@code [from, to)}. Every part is optional.
 *
 * @param action only records of this action
 * @param from only records that happened at or after this instant
 * @param to only records that happened before this instant
 */
record AuditLogFilter(@Nullable String action, @Nullable Instant from, @Nullable Instant to) {

	static final int ACTION_LENGTH_MAX = 200;

	static final AuditLogFilter NONE = new AuditLogFilter(null, null, null);

	/** Validates the filter; a bad one is the caller's mistake, reported as {@code BAD_USER_INPUT}. */
	AuditLogFilter {
		if (action != null && (action.isEmpty() || action.length() > ACTION_LENGTH_MAX
				|| action.chars().anyMatch(Character::isISOControl))) {
			throw new GraphQlException(ErrorCode.BAD_USER_INPUT,
					"action must have 1 to " + ACTION_LENGTH_MAX + " characters and no control characters");
		}
		if (from != null && to != null && from.isAfter(to)) {
			throw new GraphQlException(ErrorCode.BAD_USER_INPUT, "from (" + from + ") must not be after to (" + to + ")");
		}
	}

	/** SQL conditions to append after a {@code WHERE} clause, each starting with {@code AND}. */
	String conditions() {
		return (action != null ? " AND action = :action" : "") + (from != null ? " AND occurred_at >= :from" : "")
				+ (to != null ? " AND occurred_at < :to" : "");
	}

	GenericExecuteSpec bind(GenericExecuteSpec spec) {
		GenericExecuteSpec bound = spec;
		if (action != null) {
			bound = bound.bind("action", action);
		}
		if (from != null) {
			bound = bound.bind("from", from.atOffset(ZoneOffset.UTC));
		}
		if (to != null) {
			bound = bound.bind("to", to.atOffset(ZoneOffset.UTC));
		}
		return bound;
	}

}
