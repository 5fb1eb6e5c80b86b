package com.performanceos.tenders.bids;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.performanceos.platform.graphql.GlobalId;
import com.performanceos.platform.graphql.Money;

/**
 * A vendor's bid on a lot, as its vendor sees it (the schema's {@code Bid}).
 *
 * @param key the primary key
 * @param lotKey the lot
 * @param status submitted or withdrawn
 * @param version 1, then one more at each replacement
 * @param submittedAt when the current version was received
 * @param withdrawnAt when withdrawn, or null
 * @param content what the current version says; null once withdrawn
 */
record Bid(UUID key, UUID lotKey, BidStatus status, int version, Instant submittedAt, @Nullable Instant withdrawnAt,
		@Nullable BidContent content) {

	static final String TYPE_NAME = "Bid";

	public String id() {
		return GlobalId.encode(TYPE_NAME, key);
	}

	public @Nullable Money amount() {
		return content == null ? null : new Money(content.amount(), java.util.Currency.getInstance("EUR"));
	}

	public List<BidDocument> documents() {
		return content == null ? List.of() : content.documents();
	}

	public @Nullable Receipt receipt() {
		return content == null ? null : new Receipt(content.submittedAt(), content.sha256(), content.canonical());
	}

	/** The schema's {@code BidReceipt}: SHA-256 of {@code content}, the exact text sealed. */
	record Receipt(Instant submittedAt, String sha256, String content) {
	}

}
