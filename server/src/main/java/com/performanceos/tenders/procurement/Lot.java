package com.performanceos.tenders.procurement;

import java.util.List;
import java.util.UUID;

import com.performanceos.platform.graphql.GlobalId;
import com.performanceos.platform.graphql.Money;

/**
 * A lot as stored (the schema's {@code Lot}; its tender and criteria are loaded in batches).
 *
 * @param key the primary key
 * @param tenderKey its tender
 * @param number from 1
 * @param title the title
 * @param estimatedValue excluding VAT
 * @param status as shown (closed at the deadline)
 * @param priceScoringMethod how prices are scored
 * @param abnormallyLowPercent the abnormally-low threshold, in percent of the reference
 * @param selectionCriteria the capacities asked of candidates
 */
public record Lot(UUID key, UUID tenderKey, int number, String title, Money estimatedValue, LotStatus status,
		PriceScoringMethod priceScoringMethod, int abnormallyLowPercent, List<String> selectionCriteria) {

	/** The schema type name, which global ids of lots carry. */
	public static final String TYPE_NAME = "Lot";

	/** The global id of the {@code Node} interface. */
	public String id() {
		return GlobalId.encode(TYPE_NAME, key);
	}

}
