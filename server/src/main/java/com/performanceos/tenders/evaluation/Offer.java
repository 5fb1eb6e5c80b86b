package com.performanceos.tenders.evaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.performanceos.platform.graphql.GlobalId;
import com.performanceos.tenders.bids.BidDocument;

/**
 * A bid once opened, in the buyer's tenant.
 *
 * @param key the primary key
 * @param lotKey the lot
 * @param vendorSiret the vendor's SIRET
 * @param vendorName the vendor's name
 * @param vendorSme whether the vendor is an SME
 * @param amount the price excluding VAT, in euros
 * @param documents the documents by digest
 * @param receiptSha256 the vendor's receipt
 * @param submittedAt when the bid was received
 * @param abnormallyLow whether it was detected abnormally low at opening
 * @param abnormallyLowReference the amount it was compared with (percentage applied), when detected
 * @param abnormallyLowStatus where the justification stands
 * @param abnormallyLowReason the buyer's recorded reason, once decided
 * @param awardStatus where the award stands
 * @param awardFailureReason why the awardee failed, if it did
 */
record Offer(UUID key, UUID lotKey, String vendorSiret, String vendorName, boolean vendorSme, BigDecimal amount,
		List<BidDocument> documents, String receiptSha256, Instant submittedAt, boolean abnormallyLow,
		@Nullable BigDecimal abnormallyLowReference, AbnormallyLowStatus abnormallyLowStatus, @Nullable String abnormallyLowReason,
		AwardStatus awardStatus, @Nullable String awardFailureReason) {

	static final String TYPE_NAME = "Offer";

	String id() {
		return GlobalId.encode(TYPE_NAME, key);
	}

	/** Whether it may be ranked and awarded: not rejected as abnormally low by the buyer. */
	boolean eligible() {
		return abnormallyLowStatus != AbnormallyLowStatus.REJECTED;
	}

}
