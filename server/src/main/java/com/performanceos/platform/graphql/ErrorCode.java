package com.performanceos.platform.graphql;

/**
 * Codes of top-level GraphQL errors ({@code errors[].extensions.code}): authentication,
 * authorisation, limits, malformed requests and crashes. Business failures are never here; they
 * are {@code userErrors} of the mutation's payload.
 */
public enum ErrorCode {

	/** No valid token. */
	UNAUTHENTICATED,
	/** The caller's roles do not allow this field. */
	FORBIDDEN,
	/** The document does not parse. */
	GRAPHQL_PARSE_FAILED,
	/** The document does not validate against the schema (unknown field, wrong argument...). */
	GRAPHQL_VALIDATION_FAILED,
	/** An argument or variable has the wrong format or is out of bounds. */
	BAD_USER_INPUT,
	/** The query costs more than a single request may. */
	COST_LIMIT_EXCEEDED,
	/** The query nests deeper than allowed. */
	DEPTH_LIMIT_EXCEEDED,
	/** The client's cost budget is spent; retry after {@code extensions.cost.resetAt}. */
	THROTTLED,
	/** This caller may only run the operations the SDKs ship (trusted-operations mode). */
	UNTRUSTED_OPERATION,
	/** An automatic persisted query hash is unknown; resend it with its document. */
	PERSISTED_QUERY_NOT_FOUND,
	/** A dependency (database, cache) is unavailable; the request may be retried. */
	SERVICE_UNAVAILABLE,
	/** A bug: the trace id lets the team find it. */
	INTERNAL,
	/** The object does not exist for this caller: another tenant's object answers exactly as a missing one. */
	NOT_FOUND,
	/** The operation ran longer than {@code performanceos.limits.max-execution-time} and was stopped. */
	EXECUTION_TIMEOUT,
	/** The response would hold more than {@code performanceos.limits.max-result-fields} values; it was stopped, not sent. */
	RESULT_TOO_LARGE,
	/** The caller holds as many WebSocket connections or live subscriptions as its token or tenant may. */
	TOO_MANY_SUBSCRIPTIONS,
	/** An open-data document (DECP, OCDS) failed its published JSON Schema: nothing was sent; {@code extensions.paths} names the fields. */
	OPEN_DATA_INVALID,
	/** The tenant's monthly AI budget is spent past its block threshold; deterministic features are unaffected. */
	AI_BUDGET_EXCEEDED,
	/** An amount is in a currency with no exchange rate to the reporting currency in force on the day it is needed. */
	MISSING_EXCHANGE_RATE

}
