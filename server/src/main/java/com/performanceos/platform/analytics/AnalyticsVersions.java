package com.performanceos.platform.analytics;

import java.util.Collection;

import org.redisson.api.RedissonClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A per-tenant counter bumped after facts of the tenant have been appended to the analytics
 * store. Caches of analytics results key on it: a cached answer can never predate the facts it
 * should include, because the counter only moves once those facts are queryable.
 */
@Component
public final class AnalyticsVersions {

	private static final String KEY_PREFIX = "performanceos:analytics-version:";

	private final RedissonClient redisson;

	AnalyticsVersions(RedissonClient redisson) {
		this.redisson = redisson;
	}

	public Mono<Long> current(String tenant) {
		return Mono.fromCompletionStage(redisson.getAtomicLong(KEY_PREFIX + tenant).getAsync());
	}

	void bump(Collection<String> tenants) {
		for (String tenant : tenants) {
			redisson.getAtomicLong(KEY_PREFIX + tenant).incrementAndGet();
		}
	}

}
