package com.performanceos.platform.analytics;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Creates the {@link AnalyticsStore} for the configured engine, serving the built-in events cube and every
 * {@link CubeDefinition} bean other modules declare.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AnalyticsProperties.class)
class AnalyticsConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(AnalyticsConfiguration.class);

	@Bean(destroyMethod = "close")
	AnalyticsStore analyticsStore(AnalyticsProperties properties, ObjectProvider<CubeDefinition> cubes) {
		AnalyticsStore store = properties.clickhouse().configured()
				? new ClickHouseAnalyticsStore(properties.clickhouse(), cubes.orderedStream().toList())
				: new DuckDbAnalyticsStore(properties.duckdb().path(), cubes.orderedStream().toList());
		try {
			store.initialize();
		}
		catch (AnalyticsUnavailableException ex) {
			// The server may come up after us; the store creates its tables on first use and health reports DOWN.
			logger.warn("Analytics store ({}) is not reachable at start-up: {}", store.engine(), ex.getMessage());
		}
		return store;
	}

	@Bean
	AnalyticsHealthIndicator analyticsHealthIndicator(AnalyticsStore store) {
		return new AnalyticsHealthIndicator(store);
	}

}
