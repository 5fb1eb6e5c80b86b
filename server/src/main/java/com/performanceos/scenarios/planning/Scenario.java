package com.performanceos.scenarios.planning;

import java.time.Instant;
import java.util.Currency;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.performanceos.platform.graphql.GlobalId;
import com.performanceos.scenarios.cash.DriverOverrides;
import com.performanceos.scenarios.cash.ScenarioTemplate;

/**
 * A scenario as a tenant keeps it (the GraphQL {@code Scenario}; the engine's resolved form is {@link com.performanceos.scenarios.cash.Scenario}): a template or a parent, its own driver overrides and the revision they are at.
 *
 * @param revision grows by one at every driver change
 */
public record Scenario(UUID key, String name, @Nullable ScenarioTemplate template, @Nullable UUID parentKey,
		Currency reportingCurrency, DriverOverrides overrides, int revision, String createdBy, Instant createdAt,
		Instant updatedAt) {

	static final String TYPE_NAME = "Scenario";

	/** The global id of the {@code Node} interface. */
	public String id() {
		return GlobalId.encode(TYPE_NAME, key);
	}

}
