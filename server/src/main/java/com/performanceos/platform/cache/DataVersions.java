package com.performanceos.platform.cache;

import java.util.Collection;

import org.redisson.api.RBatch;
import org.redisson.api.RedissonClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A counter per tenant that changes whenever the tenant's data changes. A cached read keyed on the current version
 * is never served stale: once a change is relayed, the version moves on and the old entries are simply no longer
 * looked up. Shared by every instance through Redis.
 */
@Component
public final class DataVersions {

	static final String KEY_PREFIX = "performanceos:data-version:";

	private final RedissonClient redisson;

	DataVersions(RedissonClient redisson) {
		this.redisson = redisson;
	}

	/** The tenant's current data version; 0 until its first change is relayed. */
	public Mono<Long> current(String tenant) {
		return Mono.fromCompletionStage(() -> redisson.getAtomicLong(key(tenant)).getAsync());
	}

	/** Moves the version of each tenant on, in one round trip. */
	Mono<Void> bump(Collection<String> tenants) {
		if (tenants.isEmpty()) {
			return Mono.empty();
		}
		return Mono.defer(() -> {
			RBatch batch = redisson.createBatch();
			for (String tenant : tenants) {
				batch.getAtomicLong(key(tenant)).incrementAndGetAsync();
			}
			return Mono.fromCompletionStage(batch.executeAsync());
		}).then();
	}

	private static String key(String tenant) {
		return KEY_PREFIX + tenant;
	}

}
