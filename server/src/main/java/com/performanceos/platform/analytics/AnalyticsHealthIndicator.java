package com.performanceos.platform.analytics;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** Reports whether the analytics engine answers, under the name {@code analytics}. */
final class AnalyticsHealthIndicator implements HealthIndicator {

	private final AnalyticsStore store;

	AnalyticsHealthIndicator(AnalyticsStore store) {
		this.store = store;
	}

	@Override
	public Health health() {
		Health.Builder health = this.store.ping() ? Health.up() : Health.down();
		return health.withDetail("engine", this.store.engine()).build();
	}

}
