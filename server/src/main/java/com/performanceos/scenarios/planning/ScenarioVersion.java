package com.performanceos.scenarios.planning;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.performanceos.platform.graphql.GlobalId;

/**
 * A saved, immutable version of a scenario: what it was computed from is stored with it (see
 * {@link VersionStore}), so its forecast never changes when the ledger does.
 *
 * @param number 1 for the first version of the scenario, then one more at each save
 * @param digest SHA-256 of the canonical JSON of its inputs, drivers and outputs
 */
public record ScenarioVersion(UUID key, UUID scenarioKey, int number, String label, LocalDate asOf, String digest,
		String savedBy, Instant savedAt) {

	static final String TYPE_NAME = "ScenarioVersion";

	/** The global id of the {@code Node} interface. */
	public String id() {
		return GlobalId.encode(TYPE_NAME, key);
	}

}
