package com.performanceos.scenarios.cash;

import java.math.BigDecimal;
import java.util.List;

/** The starting points every tenant gets. */
public enum ScenarioTemplate {

	/** Facts as they are: customers pay with their usual delay, everything is collected, no growth. */
	BASE(new Drivers(BigDecimal.ZERO, 0, BigDecimal.ONE, 0, BigDecimal.ZERO, List.of())),

	/** Collections slip: 20 % less collected, 14 days later (DOMAIN.md §3). */
	STRESS(new Drivers(BigDecimal.ZERO, 14, new BigDecimal("0.80"), 0, BigDecimal.ZERO, List.of())),

	/** New business 10 % above the run-rate. */
	GROWTH(new Drivers(new BigDecimal("0.10"), 0, BigDecimal.ONE, 0, BigDecimal.ZERO, List.of()));

	private final Drivers drivers;

	ScenarioTemplate(Drivers drivers) {
		this.drivers = drivers;
	}

	public Drivers drivers() {
		return drivers;
	}

}
