package com.performanceos.rules.commissions.runs;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.performanceos.platform.graphql.GlobalId;

/**
 * A calculation run (the schema's {@code CalculationRun}).
 *
 * @param key its primary key
 * @param period the month, {@code YYYY-MM}
 * @param jobKey the platform job computing it
 * @param status QUEUED, RUNNING, SUCCEEDED or FAILED
 * @param knownAt the instant the sales data is read as known at
 * @param startedBy who started it
 * @param createdAt when
 * @param finishedAt when it ended
 * @param lineCount how many lines it wrote
 * @param totalPayable what it pays in all
 * @param currency the currency of its amounts
 * @param digest SHA-256 over its inputs and outputs
 * @param error why it failed
 */
record CalculationRun(UUID key, String period, UUID jobKey, String status, Instant knownAt, String startedBy, Instant createdAt,
		@Nullable Instant finishedAt, @Nullable Integer lineCount, @Nullable BigDecimal totalPayable, @Nullable String currency,
		@Nullable String digest, @Nullable String error) {

	static final String TYPE_NAME = "CalculationRun";

	String id() {
		return GlobalId.encode(TYPE_NAME, key);
	}

}
