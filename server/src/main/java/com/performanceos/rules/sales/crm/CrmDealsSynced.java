package com.performanceos.rules.sales.crm;

import com.performanceos.platform.events.EventType;

/**
 * Deals changed by a CRM sync (published once per successful sync that inserted or updated any), so that what depends
 * on deals (a contest's leaderboard, a commission estimate) refreshes as it does after a CSV import's
 * {@code DealsImported}.
 *
 * @param syncId the sync's global id, the lineage of the deals it changed
 * @param provider the CRM, {@code SALESFORCE} or {@code HUBSPOT}
 * @param dealCount how many deals it inserted or updated
 * @param closedFrom the earliest close date among them (ISO day)
 * @param closedTo the latest close date among them (ISO day)
 */
@EventType("sales.CrmDealsSynced")
public record CrmDealsSynced(String syncId, String provider, int dealCount, String closedFrom, String closedTo) {
}
