package com.performanceos.rules.commissions.calculation;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import com.performanceos.rules.commissions.calculation.CalculationInputs.Clawback;
import com.performanceos.rules.commissions.calculation.CalculationInputs.CreditedDeal;
import com.performanceos.rules.commissions.calculation.CalculationInputs.Split;
import com.performanceos.rules.commissions.calculation.CalculationResult.Line;
import com.performanceos.rules.commissions.calculation.CalculationResult.RepTotal;

/**
 * SHA-256 over a run's inputs then outputs, fed field by field in a fixed order with separators. Decimals are fed
 * without trailing zeros, so {@code 100} and {@code 100.000000} (as PostgreSQL returns it) hash alike; maps are fed
 * in key order. When the run was computed (or as known at when) is not an input: the same data give the same digest.
 */
final class RunDigest {

	private final MessageDigest sha256;

	/**
	 * Fields gathered before they are fed: a million lines are tens of millions of short fields, and one update call per
	 * field cost more than the hashing. The bytes fed are the same, so is the digest.
	 */
	private final byte[] pending = new byte[64 * 1024];

	private int used;

	RunDigest() {
		try {
			this.sha256 = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JVM has SHA-256", ex);
		}
	}

	void inputs(CalculationInputs inputs) {
		field("period").field(inputs.period().toString());
		new TreeMap<>(inputs.plans()).forEach((rep, plan) -> field("plan").field(rep).field(plan.sha256()).field(plan.versionId()));
		new TreeMap<>(inputs.quotas()).forEach((rep, quota) -> field("quota").field(rep).field(quota));
		new TreeMap<>(inputs.roles()).forEach((rep, role) -> field("role").field(rep).field(role));
		for (CreditedDeal deal : inputs.deals()) {
			field("deal").field(deal.dealRef()).field(deal.owner()).field(deal.product()).field(deal.region()).field(deal.stage())
				.field(deal.closeDate().toString()).field(deal.amount()).field(deal.arr()).field(deal.currency().getCurrencyCode());
			for (Split split : deal.splits()) {
				field("split").field(split.rep()).field(split.sharePercent());
			}
		}
		for (Clawback clawback : inputs.clawbacks()) {
			field("clawback").field(clawback.dealRef()).field(clawback.rep()).field(clawback.cancellationDate().toString()).field(clawback.paid());
		}
		new TreeMap<>(inputs.carries()).forEach((rep, carry) -> field("carry").field(rep).field(carry.clawback()).field(carry.drawBalance()));
		// Fed only when there are some, so the digests of runs in one currency stay what they were.
		inputs.rates().byKey().forEach((key, rate) -> field("rate").field(key).field(rate));
	}

	void outputs(List<Line> lines, List<RepTotal> totals) {
		for (Line line : lines) {
			field("line").field(Integer.toString(line.seq())).field(line.rep()).field(line.kind().name()).field(line.dealRef())
				.field(line.sharePercent()).field(line.credited()).field(line.amount()).field(line.tier() == null ? "" : line.tier().toString());
		}
		for (RepTotal total : totals) {
			field("total").field(total.rep()).field(total.credited()).field(total.rollUpCredited()).field(total.gross())
				.field(total.capAdjustment()).field(total.clawback()).field(total.clawbackCarryOut()).field(total.drawPaid())
				.field(total.drawRecovered()).field(total.drawBalanceOut()).field(total.payable());
		}
	}

	String hex() {
		sha256.update(pending, 0, used);
		used = 0;
		return HexFormat.of().formatHex(sha256.digest());
	}

	private RunDigest field(@Nullable String value) {
		byte[] bytes = (value == null ? "" : value).getBytes(StandardCharsets.UTF_8);
		if (used + bytes.length + 1 > pending.length) {
			sha256.update(pending, 0, used);
			used = 0;
		}
		if (bytes.length + 1 > pending.length) {
			sha256.update(bytes);
			sha256.update((byte) 0x1f);
			return this;
		}
		System.arraycopy(bytes, 0, pending, used, bytes.length);
		used += bytes.length;
		pending[used++] = 0x1f;
		return this;
	}

	private RunDigest field(@Nullable BigDecimal value) {
		return field(value == null ? "" : value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString());
	}

}
