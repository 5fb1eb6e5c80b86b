package com.performanceos.platform.limits;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.persisted.PersistedQueryCache;
import graphql.execution.preparsed.persisted.PersistedQueryCacheMiss;
import graphql.execution.preparsed.persisted.PersistedQueryError;
import graphql.execution.preparsed.persisted.PersistedQuerySupport;
import org.jspecify.annotations.Nullable;
import org.redisson.api.RBucket;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.performanceos.platform.digest.Sha256;
import com.performanceos.platform.graphql.ErrorCode;
import com.performanceos.platform.security.Viewer;

/**
 * The documents of automatic persisted queries, kept in Redis under
 * {@code performanceos:apq:<tenant, base64url>:<sha256>} so every instance knows a hash once any
 * instance stored it. Keyed by tenant: a hash one tenant registered is unknown to every other
 * tenant (the same {@code PERSISTED_QUERY_NOT_FOUND} as a hash nobody sent), so no tenant can run,
 * and so confirm the exact text and values of, another tenant's query.
 * Only the text is stored (bounded in size, with a TTL); it is parsed and validated again on each
 * use, exactly as a document sent inline. A document is stored only when its hash matches and it
 * validates, so the cache never holds garbage.
 */
final class RedisPersistedQueryCache implements PersistedQueryCache {

	static final String KEY_PREFIX = "performanceos:apq:";

	/** Apollo clients recognise this exact message and resend the document. */
	static final String NOT_FOUND_MESSAGE = "PersistedQueryNotFound";

	private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

	private static final Logger log = LoggerFactory.getLogger(RedisPersistedQueryCache.class);

	private final RedissonClient redisson;

	private final Duration ttl;

	private final long maxSizeBytes;

	RedisPersistedQueryCache(RedissonClient redisson, LimitsProperties limits) {
		this.redisson = redisson;
		this.ttl = limits.persistedQueryTtl();
		this.maxSizeBytes = limits.persistedQueryMaxSize().toBytes();
	}

	@Override
	public CompletableFuture<PreparsedDocumentEntry> getPersistedQueryDocumentAsync(Object persistedQueryId,
			ExecutionInput input, PersistedQueryCacheMiss parseAndValidate) {
		String hash = persistedQueryId.toString();
		if (!SHA256_HEX.matcher(hash).matches()) {
			return CompletableFuture.completedFuture(error(ErrorCode.BAD_USER_INPUT,
					"extensions.persistedQuery.sha256Hash must be 64 lowercase hexadecimal digits"));
		}
		Viewer viewer = input.getGraphQLContext().get(Viewer.CONTEXT_KEY);
		if (viewer == null) {
			// Every GraphQL transport authenticates first; without a tenant nothing is shared or stored.
			return CompletableFuture.completedFuture(error(ErrorCode.PERSISTED_QUERY_NOT_FOUND, NOT_FOUND_MESSAGE));
		}
		RBucket<String> stored = redisson.getBucket(key(viewer.tenant(), hash), StringCodec.INSTANCE);
		return stored.getAsync().toCompletableFuture().handle((text, failure) -> {
			if (failure != null) {
				log.warn("Persisted query store unavailable: {}", failure.toString());
			}
			if (text != null) {
				return parse(parseAndValidate, text);
			}
			return storeIfValid(hash, input.getQuery(), parseAndValidate, stored, failure == null);
		});
	}

	/** The Redis key of a tenant's document; the tenant is encoded so no tenant name can reach another's keys. */
	static String key(String tenant, String hash) {
		return KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(tenant.getBytes(StandardCharsets.UTF_8))
				+ ":" + hash;
	}

	private PreparsedDocumentEntry storeIfValid(String hash, @Nullable String query, PersistedQueryCacheMiss parseAndValidate,
			RBucket<String> stored, boolean storeAvailable) {
		if (query == null || query.isBlank() || PersistedQuerySupport.PERSISTED_QUERY_MARKER.equals(query)) {
			return error(ErrorCode.PERSISTED_QUERY_NOT_FOUND, NOT_FOUND_MESSAGE);
		}
		if (!hash.equals(Sha256.hex(query))) {
			return error(ErrorCode.BAD_USER_INPUT,
					"extensions.persistedQuery.sha256Hash is not the SHA-256 of the query; nothing was stored");
		}
		PreparsedDocumentEntry entry = parse(parseAndValidate, query);
		long size = query.getBytes(StandardCharsets.UTF_8).length;
		// An oversized document still runs; it is only not remembered, so its hash alone stays unknown.
		if (!entry.hasErrors() && storeAvailable && size <= maxSizeBytes) {
			stored.setAsync(query, ttl).whenComplete((ignored, failure) -> {
				if (failure != null) {
					log.warn("Could not store persisted query {}: {}", hash, failure.toString());
				}
			});
		}
		return entry;
	}

	private static PreparsedDocumentEntry parse(PersistedQueryCacheMiss parseAndValidate, String text) {
		try {
			return parseAndValidate.apply(text);
		}
		catch (PersistedQueryError error) {
			return new PreparsedDocumentEntry(LimitErrors.of(ErrorCode.BAD_USER_INPUT, error.getMessage(), Map.of()));
		}
	}

	private static PreparsedDocumentEntry error(ErrorCode code, String message) {
		return new PreparsedDocumentEntry(LimitErrors.of(code, message));
	}

}
