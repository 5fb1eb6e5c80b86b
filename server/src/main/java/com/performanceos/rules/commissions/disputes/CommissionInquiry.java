package com.performanceos.rules.commissions.disputes;

import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.performanceos.platform.graphql.GlobalId;

/**
 * A rep's inquiry about one of their commission lines (the schema's {@code CommissionInquiry}).
 *
 * @param key its primary key
 * @param lineKey the disputed line
 * @param runKey the line's run
 * @param period the line's month
 * @param rep the line's rep
 * @param dealRef the line's deal
 * @param currency the line's currency (an adjustment's too)
 * @param status where it stands
 * @param openedBy who opened it
 * @param openedAt when
 * @param closedAt when it was resolved or rejected
 */
record CommissionInquiry(UUID key, UUID lineKey, UUID runKey, YearMonth period, String rep, String dealRef, String currency, InquiryStatus status,
		String openedBy, Instant openedAt, @Nullable Instant closedAt) {

	static final String TYPE_NAME = "CommissionInquiry";

	String id() {
		return GlobalId.encode(TYPE_NAME, key);
	}

}
