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
 * One leaky bucket per client (tenant and token subject) in Redis, so every instance of the server
 * enforces the same budget. Each request pours its requested cost in; the bucket drains at
 * {@code bucketLeakPerSecond}; a request that would overflow {@code bucketCapacity} is refused.
 * The script runs atomically and reads the Redis server's clock, so instances with skewed clocks
 * still agree.
 */
final class LeakyBucket {

	private static final String KEY_PREFIX = "performanceos:cost-bucket:";

	/**
	 * ARGV: capacity, leak per second, amount, mode (take, refund or peek). Returns
	 * {allowed, level, nowMs} as strings: Redis truncates Lua numbers to integers.
	 */
	private static final String SCRIPT = """
			local time = redis.call('TIME')
			local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
			local capacity = tonumber(ARGV[1])
			local leak = tonumber(ARGV[2])
			local amount = tonumber(ARGV[3])
			local mode = ARGV[4]
			local state = redis.call('HMGET', KEYS[1], 'level', 'updatedAtMs')
			local level = tonumber(state[1]) or 0
			local updated = tonumber(state[2]) or now
			level = math.max(0, level - math.max(0, now - updated) * leak / 1000)
			local allowed = 1
			if mode == 'take' then
			  if level + amount <= capacity then level = level + amount else allowed = 0 end
			elseif mode == 'refund' then
			  level = math.max(0, level - amount)
			end
			if mode ~= 'peek' then
			  redis.call('HSET', KEYS[1], 'level', string.format('%.3f', level), 'updatedAtMs', string.format('%.0f', now))
			  redis.call('PEXPIRE', KEYS[1], math.ceil(level * 1000 / leak) + 1000)
			end
			return {tostring(allowed), string.format('%.3f', level), string.format('%.0f', now)}
			""";

	private final RScript script;

	private final int capacity;

	private final int leakPerSecond;

	LeakyBucket(RedissonClient redisson, LimitsProperties properties) {
		this.script = redisson.getScript(StringCodec.INSTANCE);
		this.capacity = properties.bucketCapacity();
		this.leakPerSecond = properties.bucketLeakPerSecond();
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

	int capacity() {
		return capacity;
	}

	private CompletionStage<Outcome> run(Viewer client, int amount, String mode) {
		if (amount < 0) {
			throw new IllegalArgumentException("A bucket amount is never negative: " + amount);
		}
		CompletionStage<List<Object>> reply = script.evalAsync(RScript.Mode.READ_WRITE, SCRIPT, RScript.ReturnType.LIST,
				List.of(key(client)), String.valueOf(capacity), String.valueOf(leakPerSecond), String.valueOf(amount), mode);
		return reply.thenApply(values -> new Outcome("1".equals(values.get(0).toString()),
				Double.parseDouble(values.get(1).toString()), Long.parseLong(values.get(2).toString()), capacity,
				leakPerSecond));
	}

	/** Tenant and subject, each encoded so that neither can forge the other's part of the key. */
	static String key(Viewer client) {
		Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
		return KEY_PREFIX + encoder.encodeToString(client.tenant().getBytes(StandardCharsets.UTF_8)) + ":"
				+ encoder.encodeToString(client.subject().getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The bucket after a script run.
	 *
	 * @param allowed whether a take fitted (always true for refund and peek)
	 * @param level the units in the bucket
	 * @param nowMs the Redis server's clock
	 * @param capacity the bucket's capacity
	 * @param leakPerSecond the drain rate
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
