package com.performanceos.platform.limits;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletionStage;

import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

import com.performanceos.platform.security.Viewer;

/**
 * Two leaky buckets in Redis for every request: one per client (tenant and token subject) and one
 * per tenant, so that a tenant cannot multiply its budget by minting tokens for many subjects.
 * Every instance of the server enforces the same budgets. Each request pours its requested cost
 * into both; each drains at its own rate; a request that would overflow either is refused, and
 * the answer describes the bucket with less room (the one that refused). The script runs
 * atomically and reads the Redis server's clock, so instances with skewed clocks still agree; both
 * keys share the tenant's hash tag, so they live in one slot of a Redis cluster.
 */
final class LeakyBucket {

	private static final String KEY_PREFIX = "performanceos:cost-bucket:";

	/**
	 * KEYS: client bucket, tenant bucket. ARGV: client capacity, client leak per second, tenant
	 * capacity, tenant leak per second, amount, mode (take, refund or peek). Returns {allowed,
	 * level, nowMs, bucket} as strings (Redis truncates Lua numbers to integers), where bucket is
	 * {@code client} or {@code tenant}, the one with less room, whose level is given.
	 */
	private static final String SCRIPT = """
			local time = redis.call('TIME')
			local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
			local capacity = { tonumber(ARGV[1]), tonumber(ARGV[3]) }
			local leak = { tonumber(ARGV[2]), tonumber(ARGV[4]) }
			local amount = tonumber(ARGV[5])
			local mode = ARGV[6]
			local level = {}
			for i = 1, 2 do
			  local state = redis.call('HMGET', KEYS[i], 'level', 'updatedAtMs')
			  local stored = tonumber(state[1]) or 0
			  local updated = tonumber(state[2]) or now
			  level[i] = math.max(0, stored - math.max(0, now - updated) * leak[i] / 1000)
			end
			local allowed = 1
			if mode == 'take' then
			  if level[1] + amount <= capacity[1] and level[2] + amount <= capacity[2] then
			    level[1] = level[1] + amount
			    level[2] = level[2] + amount
			  else
			    allowed = 0
			  end
			elseif mode == 'refund' then
			  level[1] = math.max(0, level[1] - amount)
			  level[2] = math.max(0, level[2] - amount)
			end
			if mode ~= 'peek' then
			  for i = 1, 2 do
			    redis.call('HSET', KEYS[i], 'level', string.format('%.3f', level[i]), 'updatedAtMs', string.format('%.0f', now))
			    redis.call('PEXPIRE', KEYS[i], math.ceil(level[i] * 1000 / leak[i]) + 1000)
			  end
			end
			local binding = 1
			if capacity[2] - level[2] < capacity[1] - level[1] then binding = 2 end
			local names = { 'client', 'tenant' }
			return {tostring(allowed), string.format('%.3f', level[binding]), string.format('%.0f', now), names[binding]}
			""";

	private final RScript script;

	private final int capacity;

	private final int leakPerSecond;

	private final int tenantCapacity;

	private final int tenantLeakPerSecond;

	LeakyBucket(RedissonClient redisson, LimitsProperties properties) {
		this.script = redisson.getScript(StringCodec.INSTANCE);
		this.capacity = properties.bucketCapacity();
		this.leakPerSecond = properties.bucketLeakPerSecond();
		this.tenantCapacity = properties.tenantBucketCapacity();
		this.tenantLeakPerSecond = properties.tenantBucketLeakPerSecond();
	}

	/** Pours {@code cost} in if it fits; the answer tells whether it did and the level after. */
	CompletionStage<Outcome> take(Viewer client, int cost) {
		return run(client, cost, "take");
	}

	/** Drains {@code amount} that was taken but not used. */
	CompletionStage<Outcome> refund(Viewer client, int amount) {
		return run(client, amount, "refund");
	}

	/** The current level, without changing it. */
	CompletionStage<Outcome> peek(Viewer client) {
		return run(client, 0, "peek");
	}

	/** The client bucket's capacity, reported when no answer of Redis is at hand. */
	int capacity() {
		return capacity;
	}

	private CompletionStage<Outcome> run(Viewer client, int amount, String mode) {
		if (amount < 0) {
			throw new IllegalArgumentException("A bucket amount is never negative: " + amount);
		}
		CompletionStage<List<Object>> reply = script.evalAsync(RScript.Mode.READ_WRITE, SCRIPT, RScript.ReturnType.LIST,
				List.of(key(client), tenantKey(client)), String.valueOf(capacity), String.valueOf(leakPerSecond),
				String.valueOf(tenantCapacity), String.valueOf(tenantLeakPerSecond), String.valueOf(amount), mode);
		return reply.thenApply(values -> {
			boolean tenantBinds = "tenant".equals(values.get(3).toString());
			return new Outcome("1".equals(values.get(0).toString()), Double.parseDouble(values.get(1).toString()),
					Long.parseLong(values.get(2).toString()), tenantBinds ? tenantCapacity : capacity,
					tenantBinds ? tenantLeakPerSecond : leakPerSecond);
		});
	}

	/**
	 * The client's bucket: tenant and subject, each encoded so that neither can forge the other's
	 * part of the key; the tenant in braces, the hash tag its tenant bucket shares.
	 */
	static String key(Viewer client) {
		return tenantKey(client) + ":" + encode(client.subject());
	}

	/** The bucket of the client's tenant. */
	static String tenantKey(Viewer client) {
		return KEY_PREFIX + "{" + encode(client.tenant()) + "}";
	}

	private static String encode(String text) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The bucket after a script run.
	 *
	 * @param allowed whether a take fitted (always true for refund and peek)
	 * @param level the units in the bucket
	 * @param nowMs the Redis server's clock
	 * @param capacity the capacity of the bucket described (the one with less room)
	 * @param leakPerSecond its drain rate
	 */
	record Outcome(boolean allowed, double level, long nowMs, int capacity, int leakPerSecond) {

		/** This outcome with {@code amount} drained, as a refund at the same moment would leave it. */
		Outcome afterRefund(int amount) {
			return new Outcome(allowed, Math.max(0, level - amount), nowMs, capacity, leakPerSecond);
		}

		int remaining() {
			return (int) Math.max(0, Math.floor(capacity - level));
		}

		/** When the bucket will be empty if nothing more is poured in. */
		Instant resetAt() {
			return Instant.ofEpochMilli(nowMs + (long) Math.ceil(level * 1000 / leakPerSecond));
		}

		/** Whole seconds until {@code cost} fits, at least 1 when it does not fit now. */
		long retryAfterSeconds(int cost) {
			double overflow = level + cost - capacity;
			return overflow <= 0 ? 0 : Math.max(1, (long) Math.ceil(overflow / leakPerSecond));
		}

	}

}
