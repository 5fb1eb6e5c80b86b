package com.performanceos.scenarios.cash;

import java.util.List;
import java.util.Locale;

/**
 * What a forecast figure comes from, for drill-down: an invoice, a bill, a recurring series, the
 * run-rate or a one-off, with the arithmetic that placed and sized it. The explanation is kept as a
 * format and its values and only rendered when asked for: a recalculation creates one reference per
 * open invoice, and formatting 100,000 sentences nobody reads would dominate its time.
 *
 * @param id the identifier of the source in its own module (invoice id, series id, one-off id)
 * @param format a {@link String#format} pattern of the derivation
 * @param values the values of {@code format}: dates, days, amounts, factors
 */
public record SourceReference(CashCategory category, String id, String format, List<Object> values) {

	public SourceReference {
		values = List.copyOf(values);
	}

	/** How date and amount were derived, e.g. "due 2026-01-10 + 10 d customer delay + 0 d shift; 3000.00 EUR × 1 collected". */
	public String derivation() {
		return String.format(Locale.ROOT, format, values.toArray());
	}

}
