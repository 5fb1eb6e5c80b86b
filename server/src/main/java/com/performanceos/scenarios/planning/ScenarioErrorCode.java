package com.performanceos.scenarios.planning;

/** The schema's {@code ScenarioErrorCode}: every business refusal of the scenarios mutations. */
public enum ScenarioErrorCode {

	/** The input failed validation; the error's field names the input field. */
	INVALID_INPUT,

	/** The idempotency key was already used with a different input. */
	IDEMPOTENCY_CONFLICT,

	/** No scenario with this id in the tenant. */
	SCENARIO_NOT_FOUND,

	/** No saved version with this id in the tenant. */
	VERSION_NOT_FOUND,

	/** No share link with this id in the tenant. */
	SHARE_LINK_NOT_FOUND,

	/** Another scenario of the tenant has this name. */
	DUPLICATE_SCENARIO_NAME,

	/** The parent chain would be deeper than scenarios allow. */
	INHERITANCE_TOO_DEEP,

	/** The drivers were changed since the revision the editor started from. */
	STALE_REVISION,

	/** An amount is in a currency that cannot be converted to the scenario's reporting currency. */
	MISSING_EXCHANGE_RATE,

	/** The share link was already revoked. */
	SHARE_LINK_ALREADY_REVOKED,

	/** No open customer invoice with this id in the tenant. */
	INVOICE_NOT_FOUND,

	/** No dunning message with this id in the tenant. */
	DUNNING_MESSAGE_NOT_FOUND,

	/** The invoice's dunning cadence was already stopped. */
	DUNNING_ALREADY_STOPPED,

	/** The tenant has no receiver for its dunning pushes. */
	DUNNING_WEBHOOK_NOT_SET,

	/** Only a message the SMTP server accepted can bounce. */
	DUNNING_MESSAGE_NOT_SENT,

	/** No SMTP server is configured, so no reminder can be sent. */
	MAIL_NOT_CONFIGURED,

	/** Another person holds the edit lock of a driver the change touches. */
	DRIVER_LOCKED

}
