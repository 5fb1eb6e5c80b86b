package com.performanceos.rules.sales;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A deal with the credit split in force at an instant (empty: 100 % to its owner).
 *
 * @param deal the deal
 * @param shares the split, summing to 100
 */
public record DealCredits(Deal deal, List<Share> shares) {

	/** One rep's share, in percent. */
	public record Share(String rep, BigDecimal sharePercent) {
	}

	/**
	 * A deal cancelled on a day, as known at an instant.
	 *
	 * @param deal the deal
	 * @param cancellationDate the day it was cancelled
	 * @param recordedAt when the cancellation became known
	 */
	public record Cancellation(Deal deal, java.time.LocalDate cancellationDate, @Nullable Instant recordedAt) {
	}

}
