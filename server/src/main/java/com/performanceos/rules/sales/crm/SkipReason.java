package com.performanceos.rules.sales.crm;

/** Why a sync skipped a record instead of storing a deal; mirrors the schema's {@code CrmSkipReason}. */
enum SkipReason {

	/** A value a deal needs is missing: owner, amount, close date, stage or last-modified time (the message names it). */
	MISSING_VALUE,
	/** The amount or ARR is not a decimal number, is negative, or has more than 6 decimals. */
	INVALID_AMOUNT,
	/** The close date or last-modified time is not a date, or lies outside 1970-01-01..2099-12-31. */
	INVALID_DATE,
	/** The stage is neither in the connection's stage mappings nor one of the provider's standard stages. */
	UNKNOWN_STAGE,
	/** The currency is not an ISO 4217 code. */
	UNKNOWN_CURRENCY,
	/** A value is longer than 500 characters or holds a control character. */
	INVALID_TEXT,
	/** The tenant already holds a deal with this id from another source (a CSV import or the other provider). */
	DEAL_ID_TAKEN

}
