package com.performanceos.rules.sales.crm;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One deal record as a provider answered it, before mapping: its values as the provider wrote them, any of which may be
 * missing or malformed (mapping decides). Only the id is always there: a record without one is an invalid response.
 *
 * @param recordId the provider's id (Salesforce {@code Id}, HubSpot {@code id})
 * @param modifiedAt its last-modified time, null when missing or unreadable
 */
record ProviderRecord(String recordId, @Nullable Instant modifiedAt, @Nullable String owner, @Nullable String amount,
		@Nullable String currency, @Nullable String closeDate, @Nullable String stage, @Nullable String product,
		@Nullable String region, @Nullable String arr) {
}
