package com.performanceos.rules.commissions.anomalies;

import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Something wrong, or probably wrong, in a run (the schema's {@code CommissionAnomaly}).
 *
 * @param kind what was found
 * @param severity how grave it is
 * @param rep the rep concerned, when one is
 * @param dealRefs the deals concerned, by CRM reference (empty for a rep-level anomaly)
 * @param message what was found, in English, with the figures
 */
public record Anomaly(AnomalyKind kind, AnomalySeverity severity, @Nullable String rep, List<String> dealRefs, String message) {

	/** Gravest first, then by kind, rep and deals: a stable order for pages and tests. */
	static final Comparator<Anomaly> ORDER = Comparator.comparing(Anomaly::severity, Comparator.reverseOrder())
		.thenComparing(Anomaly::kind)
		.thenComparing(anomaly -> anomaly.rep() == null ? "" : anomaly.rep())
		.thenComparing(anomaly -> String.join(",", anomaly.dealRefs()));

	public Anomaly {
		dealRefs = List.copyOf(dealRefs);
	}

}
