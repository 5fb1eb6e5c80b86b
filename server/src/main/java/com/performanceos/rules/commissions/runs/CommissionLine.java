package com.performanceos.rules.commissions.runs;

import java.math.BigDecimal;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.performanceos.platform.graphql.GlobalId;

/**
 * A stored commission line (the schema's {@code CommissionLine}; the class is named like the type so that {@code node(id)} resolves it).
 *
 * @param key its primary key
 * @param runKey the run that wrote it
 * @param period the run's month
 * @param seq its position in the run
 * @param rep who earns it
 * @param kind DIRECT, ROLLUP or CLAWBACK
 * @param dealKey the deal
 * @param dealRef the deal's reference
 * @param sharePercent the rep's share of the deal
 * @param credited the credit it is computed on
 * @param amount what it pays
 * @param currency the currency of the amounts
 * @param tier the tier reached, for a DIRECT line
 * @param traceJson the trace, as JSON text
 */
record CommissionLine(UUID key, UUID runKey, String period, int seq, String rep, String kind, UUID dealKey, String dealRef, BigDecimal sharePercent,
		BigDecimal credited, BigDecimal amount, String currency, @Nullable Integer tier, String traceJson) {

	static final String TYPE_NAME = "CommissionLine";

	String id() {
		return GlobalId.encode(TYPE_NAME, key);
	}

}
