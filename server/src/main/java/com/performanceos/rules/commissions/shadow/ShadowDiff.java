package com.performanceos.rules.commissions.shadow;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import com.performanceos.platform.digest.Sha256;

/**
 * A shadow calculation of a plan version (the schema's {@code CommissionShadowDiff}): each rep's pay over the period
 * with the old and the new version.
 *
 * @param key its primary key
 * @param versionKey the plan version about to be published
 * @param period the month recomputed, {@code YYYY-MM}
 * @param threshold the largest difference allowed without approval
 * @param currency the currency of the amounts
 * @param reps each rep's figures, by rep code
 * @param status CLEAR (nothing above the threshold), BLOCKED or APPROVED
 * @param computedBy who tried to publish
 * @param computedAt when
 * @param approvedBy who approved the difference
 * @param approvedAt when
 * @param justification why it was approved
 */
record ShadowDiff(UUID key, UUID versionKey, String period, BigDecimal threshold, String currency, List<RepDiff> reps, String status,
		String computedBy, Instant computedAt, @Nullable String approvedBy, @Nullable Instant approvedAt, @Nullable String justification) {

	/** One rep's pay before and after, and the difference (after − before). */
	record RepDiff(String rep, BigDecimal before, BigDecimal after) {

		BigDecimal difference() {
			return after.subtract(before);
		}

	}

	/** The largest absolute difference, zero when no rep is paid differently. */
	BigDecimal maxDifference() {
		return reps.stream().map(rep -> rep.difference().abs()).max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
	}

	/** The reps whose difference exceeds the threshold. */
	List<RepDiff> aboveThreshold() {
		return reps.stream().filter(rep -> rep.difference().abs().compareTo(threshold) > 0).toList();
	}

	/**
	 * SHA-256 over what an approval covers: the version, the period and every rep's two amounts. Approving a difference
	 * approves this digest; new sales data giving other figures needs its own approval.
	 */
	static String digest(UUID versionKey, String period, List<RepDiff> reps) {
		return Sha256.hex(versionKey + "\n" + period + "\n" + reps.stream()
			.map(rep -> rep.rep() + '\t' + rep.before().stripTrailingZeros().toPlainString() + '\t' + rep.after().stripTrailingZeros().toPlainString())
			.collect(Collectors.joining("\n")));
	}

	/** The reps above the threshold as a sentence: {@code ana 1000 → 1000.02 (+0.02 EUR)}. */
	String describeAboveThreshold() {
		return aboveThreshold().stream().map(rep -> rep.rep() + " " + plain(rep.before()) + " → " + plain(rep.after()) + " ("
				+ (rep.difference().signum() > 0 ? "+" : "") + plain(rep.difference()) + " " + currency + ")").collect(Collectors.joining(", "));
	}

	private static String plain(BigDecimal amount) {
		return amount.stripTrailingZeros().toPlainString();
	}

}
