package com.performanceos.scenarios.cash;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A named set of hypotheses: a template at the root, or a parent scenario plus overrides. Inheritance
 * is resolved when the drivers are read, so a change to a parent reaches its children.
 */
public record Scenario(String name, @Nullable ScenarioTemplate template, @Nullable Scenario parent, DriverOverrides overrides) {

	/** Inheritance chains longer than this are refused (a cycle cannot be built with records, but depth is bounded). */
	static final int MAXIMUM_DEPTH = 32;

	public Scenario {
		if ((template == null) == (parent == null)) {
			throw new IllegalArgumentException("a scenario has either a template or a parent, not both or neither");
		}
		Objects.requireNonNull(overrides, "overrides");
		if (depth(parent) >= MAXIMUM_DEPTH) {
			throw new IllegalArgumentException("scenario inheritance deeper than " + MAXIMUM_DEPTH);
		}
	}

	public static Scenario of(ScenarioTemplate template) {
		return new Scenario(template.name(), template, null, DriverOverrides.NONE);
	}

	public Scenario child(String name, DriverOverrides overrides) {
		return new Scenario(name, null, this, overrides);
	}

	/** The drivers with inheritance resolved: the template's, then each ancestor's overrides down to this one. */
	public Drivers drivers() {
		Drivers inherited = template != null ? template.drivers() : Objects.requireNonNull(parent).drivers();
		return overrides.applyTo(inherited);
	}

	private static int depth(@Nullable Scenario scenario) {
		int depth = 0;
		for (Scenario current = scenario; current != null; current = current.parent()) {
			depth++;
		}
		return depth;
	}

}
