package com.performanceos.scenarios.dunning;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.performanceos.platform.graphql.GlobalId;

/**
 * Who receives a customer's reminders, in which language, and which segment's cadence applies.
 *
 * @param phone the E.164 mobile number SMS steps go to; null when the customer gets no SMS
 */
record DunningContact(UUID key, String customerCode, String segment, String email, @Nullable PhoneNumber phone, DunningLanguage language) {

	static final String TYPE_NAME = "DunningContact";

	public String id() {
		return GlobalId.encode(TYPE_NAME, key);
	}

	/** Where a message of this channel goes; null when the contact has no number for an SMS. */
	@Nullable String recipientFor(DunningChannel channel) {
		return switch (channel) {
			case EMAIL -> email;
			case SMS -> phone == null ? null : phone.value();
		};
	}

}
