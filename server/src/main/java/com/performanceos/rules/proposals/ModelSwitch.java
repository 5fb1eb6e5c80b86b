package com.performanceos.rules.proposals;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A tenant's switch to the configured model, with its regression replay's outcome: the schema's {@code AiModelSwitch}.
 *
 * @param key the primary key
 * @param fromModel the model the tenant asked
 * @param toModel the model it switches to
 * @param proposalsReplayed accepted proposals asked again (the last 100 at most)
 * @param outputsCompared example outputs compared
 * @param outputsDiffering example outputs the new model's plans compute differently
 * @param gate what the divergence requires
 * @param status PENDING (approvals missing), SWITCHED or ROLLED_BACK
 * @param adminApprovedBy the ADMIN who approved, when the gate needs one
 * @param financeApprovedBy the FINANCE approver, when the gate needs one
 * @param requestedBy who ran the replay
 * @param createdAt when
 */
record ModelSwitch(UUID key, String fromModel, String toModel, int proposalsReplayed, int outputsCompared, int outputsDiffering,
		ReplayGate gate, String status, @Nullable String adminApprovedBy, @Nullable String financeApprovedBy, String requestedBy,
		Instant createdAt) {

	/** The share of outputs that differ, in percent with four decimals. */
	public java.math.BigDecimal divergencePercent() {
		if (outputsCompared == 0) {
			return java.math.BigDecimal.ZERO;
		}
		return java.math.BigDecimal.valueOf(outputsDiffering).multiply(java.math.BigDecimal.valueOf(100))
			.divide(java.math.BigDecimal.valueOf(outputsCompared), 4, java.math.RoundingMode.HALF_UP).stripTrailingZeros();
	}

}
