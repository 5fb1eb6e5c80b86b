package com.performanceos.rules.commissions.disputes;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;

/**
 * An amount granted by resolving an inquiry, shown on the rep's statement of the month after the disputed line's
 * (the schema's {@code CommissionAdjustment}).
 *
 * @param inquiryKey the inquiry it resolves
 * @param rep who receives it
 * @param period the statement it appears on
 * @param amount what it adds (negative: what it takes back)
 * @param currency its currency, the disputed line's
 * @param justification why, as SALES_OPS wrote it
 * @param createdBy who granted it
 * @param createdAt when
 */
record Adjustment(UUID inquiryKey, String rep, YearMonth period, BigDecimal amount, String currency, String justification, String createdBy,
		Instant createdAt) {
}
