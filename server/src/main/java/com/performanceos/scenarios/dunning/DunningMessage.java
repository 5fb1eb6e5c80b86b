package com.performanceos.scenarios.dunning;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.performanceos.platform.graphql.GlobalId;

/**
 * One message of a cadence for one invoice, with the text it was sent with.
 *
 * @param recipient the e-mail address, or the E.164 number of an SMS
 * @param providerMessageId the SMS provider's id of an accepted SMS (Twilio's {@code sid})
 * @param providerErrorCode the SMS provider's error code of a refused SMS (Twilio's {@code code})
 */
record DunningMessage(UUID key, long seq, UUID invoiceKey, String invoiceNumber, String customerCode, String segment, int step,
		DunningTone tone, DunningChannel channel, String recipient, LocalDate scheduledOn, String subject, String body,
		DunningMessageStatus status, @Nullable String statusReason, @Nullable Instant sentAt, @Nullable String providerMessageId,
		@Nullable String providerErrorCode) {

	static final String TYPE_NAME = "DunningMessage";

	public String id() {
		return GlobalId.encode(TYPE_NAME, key);
	}

}
