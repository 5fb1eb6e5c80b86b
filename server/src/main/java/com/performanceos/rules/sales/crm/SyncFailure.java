package com.performanceos.rules.sales.crm;

/** Why a sync failed, as a value; mirrors the schema's {@code CrmSyncFailure}. A failed sync stores nothing. */
enum SyncFailure {

	/** The provider's circuit breaker for this tenant is open after repeated failures: the provider was not called. */
	PROVIDER_UNAVAILABLE,
	/** The provider did not answer, timed out, throttled (429) or failed (5xx), retries included. */
	PROVIDER_ERROR,
	/** The provider refused the credentials (401, 403). */
	AUTHENTICATION_FAILED,
	/** The provider refused the request (another 4xx): a field name it does not know, say. */
	REQUEST_REFUSED,
	/** The connection's API URL may not be called (not a public address): see the egress settings. */
	DESTINATION_REFUSED,
	/** The provider's answer is not the documented shape. */
	INVALID_RESPONSE,
	/** The tenant has no connection for this provider any more. */
	NOT_CONFIGURED,
	/** The server failed while storing the deals (nothing was stored). */
	INTERNAL

}
