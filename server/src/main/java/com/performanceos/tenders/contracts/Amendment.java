package com.performanceos.tenders.contracts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.performanceos.platform.graphql.Money;

/**
 * An amendment of a signed contract (DECP {@code modification}): only what it changes, and when.
 *
 * @param key the primary key
 * @param sequence its number in the contract, from 1 in notification order (DECP {@code id})
 * @param notifiedOn the day it was notified to the holder
 * @param publishedOn the day the data including it were republished
 * @param amount the new price excluding VAT in euros, or null when unchanged
 * @param durationMonths the new duration in months, or null when unchanged
 * @param holderSirets the holders after it, or empty when unchanged
 * @param reason why the contract was modified
 */
public record Amendment(UUID key, int sequence, LocalDate notifiedOn, LocalDate publishedOn, @Nullable BigDecimal amount,
		@Nullable Integer durationMonths, List<String> holderSirets, String reason) {

	private static final Currency EURO = Currency.getInstance("EUR");

	public Amendment {
		holderSirets = List.copyOf(holderSirets);
		if (sequence < 1) {
			throw new IllegalArgumentException("Amendments are numbered from 1");
		}
		if (amount == null && durationMonths == null && holderSirets.isEmpty()) {
			throw new IllegalArgumentException("An amendment changes the amount, the duration or the holders");
		}
	}

	/** The new amount as the schema's {@code Money}, or null when unchanged. */
	public @Nullable Money newAmount() {
		return amount == null ? null : new Money(amount, EURO);
	}

}
