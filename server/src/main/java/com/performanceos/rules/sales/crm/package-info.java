/**
 * CRM connectors: deals kept in step with a tenant's Salesforce or HubSpot, fetched incrementally by last-modified time
 * behind timeouts, retries and a circuit breaker per provider and tenant, and stored through the sales module's
 * {@link com.performanceos.rules.sales.SyncedDeals}.
 */
@NullMarked
package com.performanceos.rules.sales.crm;

import org.jspecify.annotations.NullMarked;
