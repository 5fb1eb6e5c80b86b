package com.performanceos.rules.commissions.calculation;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

import com.performanceos.rules.commissions.calculation.CalculationInputs.Carry;
import com.performanceos.rules.commissions.plans.CommissionPlan;

/**
 * From earnings to what is paid, in this order: clawbacks (this period's and those carried in) are netted first and
 * what they cannot take is carried forward; then an outstanding recoverable draw is recovered from earnings above
 * this period's draw; then the draw tops the payout up to its amount, and a recoverable draw adds the top-up to the
 * balance to recover later.
 *
 * @param payable what is paid
 * @param clawbackCarryOut clawback left for the next period
 * @param drawPaid the top-up paid as a draw
 * @param drawRecovered the earlier draw recovered now
 * @param drawBalanceOut recoverable draw left to recover
 */
record Settlement(BigDecimal payable, BigDecimal clawbackCarryOut, BigDecimal drawPaid, BigDecimal drawRecovered, BigDecimal drawBalanceOut) {

	static Settlement of(BigDecimal earned, BigDecimal clawback, Carry carry, CommissionPlan.@Nullable Draw draw) {
		BigDecimal net = earned.subtract(clawback).subtract(carry.clawback());
		BigDecimal clawbackCarryOut = BigDecimal.ZERO;
		if (net.signum() < 0) {
			clawbackCarryOut = net.negate();
			net = BigDecimal.ZERO;
		}
		BigDecimal guaranteed = draw == null ? BigDecimal.ZERO : draw.amountPerPeriod();
		BigDecimal recovered = carry.drawBalance().min(net.subtract(guaranteed).max(BigDecimal.ZERO));
		net = net.subtract(recovered);
		BigDecimal drawPaid = net.compareTo(guaranteed) < 0 ? guaranteed.subtract(net) : BigDecimal.ZERO;
		net = net.add(drawPaid);
		BigDecimal balance = carry.drawBalance().subtract(recovered).add(draw != null && draw.recoverable() ? drawPaid : BigDecimal.ZERO);
		return new Settlement(net, clawbackCarryOut, drawPaid, recovered, balance);
	}

}
