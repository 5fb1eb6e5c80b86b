package com.performanceos.scenarios.dunning;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import com.performanceos.platform.graphql.Money;

/**
 * Days sales outstanding of a segment on a day, by the count-free (average) method: open receivables
 * over the invoicing of the window before the day, times the window's days. Dunning works when it
 * lowers this figure for the segment's customers.
 */
record DunningDso(String segment, LocalDate asOf, int windowDays, Money openReceivables, Money invoiced) {

	static final int WINDOW_DAYS = 90;

	/** openReceivables / invoiced × windowDays to the cent of a day; null when nothing was invoiced. */
	public @Nullable BigDecimal days() {
		if (invoiced.amount().signum() == 0) {
			return null;
		}
		return openReceivables.amount().multiply(BigDecimal.valueOf(windowDays)).divide(invoiced.amount(), 2, RoundingMode.HALF_EVEN);
	}

}
