package com.performanceos.rules.sales.crm;

/** The schema's {@code CrmErrorCode}: every business refusal of the CRM mutations, one enum for the connectors. */
enum CrmErrorCode {

	/** An input field is malformed (names the field). */
	INVALID_INPUT,
	/** The idempotency key was used before with another input. */
	IDEMPOTENCY_CONFLICT,
	/** The tenant has no connection for this provider. */
	CONNECTION_NOT_FOUND,
	/** A sync of this provider is already queued or running for the tenant. */
	SYNC_ALREADY_RUNNING

}
