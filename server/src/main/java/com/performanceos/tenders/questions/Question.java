package com.performanceos.tenders.questions;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.performanceos.platform.graphql.GlobalId;

/**
 * A clarification question as the caller may see it (the schema's {@code TenderQuestion}).
 *
 * @param key the primary key
 * @param tenderKey the tender
 * @param question the text asked
 * @param askedAt when asked
 * @param answer the buyer's answer, once published
 * @param answeredAt when answered
 * @param askedByCaller whether the caller's tenant asked it (never who did otherwise)
 */
record Question(UUID key, UUID tenderKey, String question, Instant askedAt, @Nullable String answer, @Nullable Instant answeredAt,
		boolean askedByCaller) {

	static final String TYPE_NAME = "TenderQuestion";

	public String id() {
		return GlobalId.encode(TYPE_NAME, key);
	}

}
