package com.performanceos.scenarios.dunning;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.performanceos.platform.graphql.GlobalId;

/** One message of a cadence for one invoice, with the text it was sent with. */
record DunningMessage(UUID key, long seq, UUID invoiceKey, String invoiceNumber, String customerCode, String segment, int step,
		DunningTone tone, DunningChannel channel, String recipient, LocalDate scheduledOn, String subject, String body,
		DunningMessageStatus status, @Nullable String statusReason, @Nullable Instant sentAt) {

	static final String TYPE_NAME = "DunningMessage";

	public String id() {
		return GlobalId.encode(TYPE_NAME, key);
	}

}
