package com.performanceos.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.TestPropertySource;

/**
 * Tiny limits, so that tests can reach them with a few requests: 300 values per response; cost 30
 * per request, 30 units in flight per client and 60 per tenant, each draining 1 unit a second; 2
 * WebSocket connections and 2 live subscriptions per client, 3 of each per tenant. One set for every
 * test class that needs any of them, so they share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@TestPropertySource(properties = { "performanceos.limits.max-result-fields=300", "performanceos.limits.bucket-capacity=30",
		"performanceos.limits.max-query-cost=30", "performanceos.limits.bucket-leak-per-second=1",
		"performanceos.limits.tenant-bucket-capacity=60", "performanceos.limits.tenant-bucket-leak-per-second=1",
		"performanceos.live.max-connections-per-client=2", "performanceos.live.max-connections-per-tenant=3",
		"performanceos.live.max-subscriptions-per-client=2", "performanceos.live.max-subscriptions-per-tenant=3" })
@interface TightLimits {
}
