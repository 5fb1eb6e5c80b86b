package com.performanceos.scenarios.cash;

/**
 * What a forecast figure comes from, for drill-down: an invoice, a bill, a recurring series, the
 * run-rate or a one-off, with the arithmetic that placed and sized it.
 *
 * @param id the identifier of the source in its own module (invoice id, series id, one-off id)
 * @param derivation how date and amount were derived, e.g. "due 2026-01-10 + 10 d customer delay + 0 d shift; 3000.00 × 100 %"
 */
public record SourceReference(CashCategory category, String id, String derivation) {
}
