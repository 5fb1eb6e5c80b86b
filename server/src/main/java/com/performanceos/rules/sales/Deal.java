package com.performanceos.rules.sales;

import java.time.LocalDate;
import java.util.UUID;

import com.performanceos.ledger.imports.DealStage;
import com.performanceos.platform.graphql.GlobalId;
import com.performanceos.platform.graphql.Money;

/**
 * A deal as the sales module holds it (the schema's {@code Deal}).
 *
 * @param key its primary key
 * @param dealId the CRM's deal id, unique in the tenant
 * @param rep the rep who owns it
 * @param product what was sold
 * @param region the sales region
 * @param amount its amount
 * @param arr its annual recurring revenue
 * @param stage its stage
 * @param closeDate the day it closed or is expected to
 * @param importKey the import that brought it, or the CRM sync that last changed it (see {@code source})
 * @param sourceRow its row in that import's file, or its position among that sync's records
 * @param source whether {@code importKey} names an import or a CRM sync
 */
public record Deal(UUID key, String dealId, String rep, String product, String region, Money amount, Money arr, DealStage stage,
		LocalDate closeDate, UUID importKey, int sourceRow, DealSource source) {

	static final String TYPE_NAME = "Deal";

	/** The global id of the {@code Node} interface. */
	public String id() {
		return GlobalId.encode(TYPE_NAME, key);
	}

}
