package com.performanceos.scenarios.dunning;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The receiver a tenant's CRM listens on for dunning statuses; its signing secret is kept encrypted and never answered.
 *
 * @param revision grows by one at each change of the URL or the secret
 * @param pendingCount pushes not yet acknowledged, when it was read
 * @param deliveredCount pushes acknowledged, when it was read
 * @param lastError why the oldest pending push's last attempt failed; null when it has not failed
 */
record DunningWebhook(String url, int revision, String updatedBy, Instant updatedAt, int pendingCount, int deliveredCount,
		@Nullable String lastError) {
}
