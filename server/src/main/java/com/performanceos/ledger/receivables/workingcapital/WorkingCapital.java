package com.performanceos.ledger.receivables.workingcapital;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The schema's {@code WorkingCapital}: the three ratios of a period and the cash conversion cycle.
 *
 * @param startDate the first day of the period
 * @param endDate the last day of the period
 * @param days the period's length
 * @param currency the currency of every amount
 * @param dso days sales outstanding
 * @param dpo days payables outstanding
 * @param dio days inventory outstanding
 * @param inventoryAccountPrefixes the prefixes counted as inventory
 * @param costOfSalesAccountPrefixes the prefixes counted as cost of sales
 */
record WorkingCapital(LocalDate startDate, LocalDate endDate, int days, Currency currency, WorkingCapitalRatio dso,
		WorkingCapitalRatio dpo, WorkingCapitalRatio dio, List<String> inventoryAccountPrefixes,
		List<String> costOfSalesAccountPrefixes) {

	/** DSO + DIO − DPO from the rounded ratios, so it adds up with what clients display; null if any is. */
	public @Nullable BigDecimal ccc() {
		if (dso.days() == null || dio.days() == null || dpo.days() == null) {
			return null;
		}
		return dso.days().add(dio.days()).subtract(dpo.days());
	}

	public @Nullable String cccUnavailableReason() {
		if (ccc() != null) {
			return null;
		}
		StringBuilder missing = new StringBuilder();
		appendIfMissing(missing, "DSO", dso);
		appendIfMissing(missing, "DIO", dio);
		appendIfMissing(missing, "DPO", dpo);
		return missing + " unavailable";
	}

	private static void appendIfMissing(StringBuilder missing, String name, WorkingCapitalRatio ratio) {
		if (ratio.days() == null) {
			missing.append(missing.isEmpty() ? "" : ", ").append(name);
		}
	}

}
