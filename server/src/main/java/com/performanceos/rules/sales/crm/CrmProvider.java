package com.performanceos.rules.sales.crm;

/** The CRMs a tenant can connect; mirrors the schema's {@code CrmProvider}. */
enum CrmProvider {

	/** Salesforce: opportunities through the REST query API (SOQL), OAuth 2.0 client credentials. */
	SALESFORCE,
	/** HubSpot: deals through the CRM v3 search API, a private app's access token. */
	HUBSPOT

}
