package com.performanceos.ledger.receivables.workingcapital;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

import org.jspecify.annotations.Nullable;

import com.performanceos.ledger.receivables.invoices.Amounts;
import com.performanceos.platform.graphql.Money;

/**
 * The schema's {@code WorkingCapitalRatio}: {@code numerator × periodDays ÷ denominator} in days,
 * exact until one final rounding, or null with the reason when the denominator is not positive.
 *
 * @param days the ratio, or null
 * @param numerator the stock measured
 * @param denominator the flow over the period
 * @param unavailableReason why {@code days} is null
 */
record WorkingCapitalRatio(@Nullable BigDecimal days, Money numerator, Money denominator, @Nullable String unavailableReason) {

	/** Days figures are shown to the hundredth of a day. */
	static final int SCALE = 2;

	/** Banker's rounding, so rounding errors do not drift one way over many figures. */
	static final RoundingMode ROUNDING = RoundingMode.HALF_EVEN;

	static WorkingCapitalRatio of(BigDecimal numerator, BigDecimal denominator, int periodDays, Currency currency,
			String denominatorName) {
		Money top = new Money(Amounts.normalize(numerator), currency);
		Money bottom = new Money(Amounts.normalize(denominator), currency);
		if (denominator.signum() == 0) {
			return new WorkingCapitalRatio(null, top, bottom, "No " + denominatorName + " in the period: the ratio is undefined");
		}
		if (denominator.signum() < 0) {
			return new WorkingCapitalRatio(null, top, bottom, "The " + denominatorName + " of the period is negative");
		}
		BigDecimal days = numerator.multiply(BigDecimal.valueOf(periodDays)).divide(denominator, SCALE, ROUNDING);
		return new WorkingCapitalRatio(days, top, bottom, null);
	}

}
