package com.performanceos.scenarios.dunning;

import java.time.Instant;

/**
 * The receiver a tenant's CRM listens on for dunning statuses; its signing secret is kept encrypted and never answered.
 *
 * @param revision grows by one at each change of the URL or the secret
 */
record DunningWebhook(String url, int revision, String updatedBy, Instant updatedAt) {
}
