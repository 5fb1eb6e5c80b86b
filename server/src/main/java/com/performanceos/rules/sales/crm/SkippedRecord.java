package com.performanceos.rules.sales.crm;

/**
 * A record a sync did not store, and why (the schema's {@code CrmSkippedRecord}).
 *
 * @param position its position among the sync's records (1-based)
 * @param recordId the provider's record id
 * @param reason why
 * @param message a sentence naming the value at fault
 */
record SkippedRecord(int position, String recordId, SkipReason reason, String message) {
}
