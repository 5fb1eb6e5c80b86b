package com.performanceos.ledger.imports;

import java.util.Locale;
import java.util.Optional;

/** The stage of a CRM deal, as imports read it and the sales module stores it; mirrors the schema's {@code DealStage}. */
public enum DealStage {

	PROSPECTING, QUALIFIED, PROPOSAL, NEGOTIATION, CLOSED_WON, CLOSED_LOST, CANCELLED;

	/** The stage named by a CRM export, case- and separator-insensitive ("Closed Won" = CLOSED_WON). */
	public static Optional<DealStage> parse(String text) {
		String normalised = text.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
		for (DealStage stage : values()) {
			if (stage.name().equals(normalised)) {
				return Optional.of(stage);
			}
		}
		return Optional.empty();
	}

}
