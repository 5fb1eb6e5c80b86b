package com.performanceos.platform.limits;

import java.time.Duration;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import com.performanceos.platform.security.Role;

/**
 * Limits on what one request and one client may ask of the server.
 *
 * @param maxRequestBodySize the largest HTTP request body accepted; larger ones are answered 413
 * before they are parsed (also the codec limit, {@code spring.codec.max-in-memory-size})
 * @param maxQueryCost the largest requested cost of one operation; above it the operation is
 * refused with {@code COST_LIMIT_EXCEEDED} before any resolver runs
 * @param maxQueryDepth the deepest field nesting of one operation; above it the operation is
 * refused with {@code DEPTH_LIMIT_EXCEEDED}
 * @param maxExpandedFields the most fields one operation may select once its fragment spreads are
 * expanded and its aliases counted (before fields of the same name are merged: the work of validating
 * and normalizing it); above it the document is refused with {@code COST_LIMIT_EXCEEDED} before it is
 * validated. Stops fragment bombs, whose priced cost may be 1 while building their tree exhausts the
 * server.
 * @param maxExecutionTime the longest one operation may execute; past it the execution is cancelled
 * (no further field starts) and the client gets {@code EXECUTION_TIMEOUT}. An operation whose client
 * disconnects is cancelled at once.
 * @param maxResultFields the most values (fields of every object and items of every list) one response
 * may hold; past it the execution is cancelled and answered {@code RESULT_TOO_LARGE}, without data. Bounds
 * the memory one request may take (the cost limit prices scalars at 0 and cannot see list lengths).
 * @param bucketCapacity the cost units a client (tenant and token subject) may have in flight in
 * its leaky bucket; reported as {@code extensions.cost.limit}
 * @param bucketLeakPerSecond how many cost units drain from a client's bucket each second
 * @param tenantBucketCapacity the cost units all clients of one tenant together may have in flight:
 * a second bucket every request also pours into, so that many tokens of one tenant do not multiply
 * its budget. {@code extensions.cost} describes whichever of the two buckets has less room.
 * @param tenantBucketLeakPerSecond how many cost units drain from a tenant's bucket each second
 * @param persistedQueryTtl how long an automatic persisted query stays known after it was stored
 * @param persistedQueryMaxSize the largest document stored as an automatic persisted query
 * @param trustedOperationsOnlyFor callers holding any of these roles (e.g. {@code PARTNER}) may only
 * run the operations the SDKs ship ({@code api-schema/operations}); anything else is refused with
 * {@code UNTRUSTED_OPERATION} before it is priced. Empty (the default): no caller is restricted.
 */
@ConfigurationProperties("performanceos.limits")
public record LimitsProperties(@DefaultValue("16MB") DataSize maxRequestBodySize,
		@DefaultValue("5000") int maxQueryCost, @DefaultValue("15") int maxQueryDepth,
		@DefaultValue("2000") int maxExpandedFields, @DefaultValue("60s") Duration maxExecutionTime,
		@DefaultValue("250000") long maxResultFields,
		@DefaultValue("10000") int bucketCapacity, @DefaultValue("500") int bucketLeakPerSecond,
		@DefaultValue("50000") int tenantBucketCapacity, @DefaultValue("2500") int tenantBucketLeakPerSecond,
		@DefaultValue("24h") Duration persistedQueryTtl, @DefaultValue("64KB") DataSize persistedQueryMaxSize,
		@DefaultValue Set<Role> trustedOperationsOnlyFor) {

	public LimitsProperties {
		trustedOperationsOnlyFor = Set.copyOf(trustedOperationsOnlyFor);
		if (maxQueryCost < 1 || maxQueryDepth < 1 || maxExpandedFields < 1 || bucketLeakPerSecond < 1 || tenantBucketLeakPerSecond < 1) {
			throw new IllegalArgumentException("performanceos.limits: max-query-cost, max-query-depth, max-expanded-fields, "
					+ "bucket-leak-per-second and tenant-bucket-leak-per-second must be positive");
		}
		// An operation that may never fit in the bucket would be throttled forever; refuse the configuration.
		if (bucketCapacity < maxQueryCost || tenantBucketCapacity < maxQueryCost) {
			throw new IllegalArgumentException("performanceos.limits.bucket-capacity (" + bucketCapacity + ") and tenant-bucket-capacity ("
					+ tenantBucketCapacity + ") must be at least max-query-cost (" + maxQueryCost + ")");
		}
		if (maxResultFields < 1) {
			throw new IllegalArgumentException("performanceos.limits.max-result-fields must be positive");
		}
		if (maxExecutionTime.isNegative() || maxExecutionTime.isZero()) {
			throw new IllegalArgumentException("performanceos.limits.max-execution-time must be positive");
		}
		if (persistedQueryTtl.isNegative() || persistedQueryTtl.isZero() || persistedQueryMaxSize.toBytes() < 1) {
			throw new IllegalArgumentException("performanceos.limits: persisted-query-ttl and persisted-query-max-size "
					+ "must be positive");
		}
	}

}
