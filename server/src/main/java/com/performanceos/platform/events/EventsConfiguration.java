package com.performanceos.platform.events;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The relay's settings and the subscription gauge of this instance. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EventsProperties.class)
class EventsConfiguration {

	@Bean
	MeterBinder activeSubscriptionsGauge(RedisEventFanout fanout) {
		return registry -> Gauge.builder("graphql.subscriptions.active", fanout, RedisEventFanout::subscriberCount)
			.description("GraphQL subscriptions open on this instance")
			.register(registry);
	}

}
