package com.performanceos.ledger.receivables.escalation;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The schema's {@code EscalationNotification}: the webhook call announcing a task.
 *
 * @param taskKey the task announced
 * @param status pending or delivered
 * @param url the receiver
 * @param attempts delivery attempts so far
 * @param lastError the last failure
 * @param deliveredAt when the receiver accepted it
 */
record EscalationNotification(UUID taskKey, Status status, String url, int attempts, @Nullable String lastError,
		@Nullable Instant deliveredAt) {

	/** The schema's {@code EscalationNotificationStatus}. */
	enum Status {

		PENDING, DELIVERED

	}

}
