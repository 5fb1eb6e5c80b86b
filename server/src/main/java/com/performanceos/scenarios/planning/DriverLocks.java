package com.performanceos.scenarios.planning;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.redisson.api.RBucket;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Short edit locks on a scenario's drivers and who is viewing or editing a scenario, held in Redis so
 * every server instance sees the same (seed 000 §7.2). A lock lives {@value #LOCK_SECONDS} s after its
 * holder's last activity (taking it again renews it); presence lives {@value #PRESENCE_SECONDS} s after
 * the last heartbeat. Nothing here is durable: losing Redis loses locks and presence, never data.
 */
@Component
class DriverLocks {

	static final int LOCK_SECONDS = 30;

	static final int PRESENCE_SECONDS = 30;

	/** Most people listed as present on one scenario. */
	static final int PRESENCE_MAX = 100;

	private static final String PREFIX = "performanceos:scenarios:";

	private final RedissonClient redisson;

	DriverLocks(RedissonClient redisson) {
		this.redisson = redisson;
	}

	/** A lock and its holder. */
	record Lock(String scenarioId, ScenarioDriver driver, String holder, Instant expiresAt) {
	}

	/** Someone present on a scenario. */
	record Presence(String subject, PresenceMode mode, Instant lastSeenAt) {
	}

	/** The schema's {@code ScenarioPresenceMode}. */
	enum PresenceMode {
		VIEWING, EDITING
	}

	/** Takes or renews the lock for {@code subject}; answers the lock held by someone else when it is taken. */
	Mono<Lock> acquire(String tenant, UUID scenarioKey, ScenarioDriver driver, String subject) {
		return Mono.fromCallable(() -> {
			RBucket<String> bucket = lock(tenant, scenarioKey, driver);
			Duration life = Duration.ofSeconds(LOCK_SECONDS);
			if (bucket.setIfAbsent(subject, life)) {
				return new Lock(scenarioId(scenarioKey), driver, subject, Instant.now().plus(life));
			}
			String holder = bucket.get();
			if (subject.equals(holder) && bucket.expire(life)) {
				return new Lock(scenarioId(scenarioKey), driver, subject, Instant.now().plus(life));
			}
			long remainingMs = bucket.remainTimeToLive();
			return new Lock(scenarioId(scenarioKey), driver, holder == null ? "" : holder, Instant.now().plusMillis(Math.max(0, remainingMs)));
		}).subscribeOn(Schedulers.boundedElastic());
	}

	/** Releases the lock if {@code subject} holds it; true when it did. */
	Mono<Boolean> release(String tenant, UUID scenarioKey, ScenarioDriver driver, String subject) {
		return Mono.fromCallable(() -> lock(tenant, scenarioKey, driver).compareAndSet(subject, null)).subscribeOn(Schedulers.boundedElastic());
	}

	/** The drivers among {@code drivers} locked by someone other than {@code subject}, with their holders. */
	Mono<Map<ScenarioDriver, String>> heldByOthers(String tenant, UUID scenarioKey, Set<ScenarioDriver> drivers, String subject) {
		return Mono.fromCallable(() -> {
			Map<ScenarioDriver, String> held = new LinkedHashMap<>();
			for (ScenarioDriver driver : drivers) {
				String holder = lock(tenant, scenarioKey, driver).get();
				if (holder != null && !holder.equals(subject)) {
					held.put(driver, holder);
				}
			}
			return held;
		}).subscribeOn(Schedulers.boundedElastic());
	}

	/** Records that {@code subject} is on the scenario, for {@value #PRESENCE_SECONDS} s. */
	Mono<Void> announce(String tenant, UUID scenarioKey, String subject, PresenceMode mode) {
		return Mono.fromRunnable(() -> presence(tenant, scenarioKey).put(subject, mode.name() + "|" + Instant.now(),
				PRESENCE_SECONDS, java.util.concurrent.TimeUnit.SECONDS)).subscribeOn(Schedulers.boundedElastic()).then();
	}

	/** Who is on the scenario now, by subject. */
	Mono<java.util.List<Presence>> present(String tenant, UUID scenarioKey) {
		return Mono.fromCallable(() -> presence(tenant, scenarioKey).readAllEntrySet().stream()
			.sorted(Map.Entry.comparingByKey())
			.limit(PRESENCE_MAX)
			.map(entry -> {
				String[] parts = entry.getValue().split("\\|", 2);
				return new Presence(entry.getKey(), PresenceMode.valueOf(parts[0]), Instant.parse(parts[1]));
			})
			.toList()).subscribeOn(Schedulers.boundedElastic());
	}

	private RBucket<String> lock(String tenant, UUID scenarioKey, ScenarioDriver driver) {
		return redisson.getBucket(PREFIX + "lock:" + encoded(tenant) + ":" + scenarioKey + ":" + driver.name(), StringCodec.INSTANCE);
	}

	private org.redisson.api.RMapCache<String, String> presence(String tenant, UUID scenarioKey) {
		return redisson.getMapCache(PREFIX + "presence:" + encoded(tenant) + ":" + scenarioKey, StringCodec.INSTANCE);
	}

	/** The tenant encoded, so no tenant name can reach another's keys. */
	private static String encoded(String tenant) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(tenant.getBytes(StandardCharsets.UTF_8));
	}

	private static String scenarioId(UUID scenarioKey) {
		return com.performanceos.platform.graphql.GlobalId.encode(Scenario.TYPE_NAME, scenarioKey);
	}

}
