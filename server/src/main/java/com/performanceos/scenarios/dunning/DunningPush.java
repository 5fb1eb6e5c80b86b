package com.performanceos.scenarios.dunning;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.performanceos.platform.graphql.GlobalId;

/**
 * One status pushed (or to push) to the tenant's CRM, with its delivery state; its key is the delivery id the receiver
 * sees in every attempt.
 *
 * @param event {@code dunning.message.sent}, {@code dunning.message.bounced} or {@code dunning.stopped}
 * @param lastError why the last attempt failed, in the words the tenant is given (the cause stays in the server's log)
 * @param deliveredTo the URL that acknowledged it
 */
record DunningPush(UUID key, long seq, String event, String invoiceNumber, String body, DunningPushStatus status, int attempts,
		@Nullable String lastError, Instant nextAttemptAt, @Nullable String deliveredTo, @Nullable Instant deliveredAt, Instant createdAt) {

	static final String TYPE_NAME = "DunningPush";

	/** The events a tenant's receiver gets. */
	static final String MESSAGE_SENT = "dunning.message.sent";

	static final String MESSAGE_BOUNCED = "dunning.message.bounced";

	static final String STOPPED = "dunning.stopped";

	public String id() {
		return GlobalId.encode(TYPE_NAME, key);
	}

}
