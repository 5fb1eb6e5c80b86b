package com.performanceos.scenarios.dunning;

import java.util.UUID;

import com.performanceos.platform.graphql.GlobalId;

/** Who receives a customer's reminders, in which language, and which segment's cadence applies. */
record DunningContact(UUID key, String customerCode, String segment, String email, DunningLanguage language) {

	static final String TYPE_NAME = "DunningContact";

	public String id() {
		return GlobalId.encode(TYPE_NAME, key);
	}

}
