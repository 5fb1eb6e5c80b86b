package com.performanceos.ledger.cube;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.redisson.api.RBucket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import com.performanceos.platform.digest.Sha256;
import com.performanceos.ledger.cube.LedgerCubeTypes.Input;
import com.performanceos.platform.analytics.AnalyticsStore;
import com.performanceos.platform.analytics.AnalyticsVersions;
import com.performanceos.platform.analytics.CubeQuery;
import com.performanceos.platform.analytics.CubeResult;
import com.performanceos.platform.analytics.Filter;
import com.performanceos.platform.analytics.TimeRange;
import com.performanceos.platform.graphql.ErrorCode;
import com.performanceos.platform.graphql.GlobalId;
import com.performanceos.platform.graphql.GraphQlException;
import com.performanceos.platform.security.Viewer;

/**
 * Answers ledger cube queries from the analytics store, cached in Redis per tenant and analytics
 * version: the version moves only after new lines are queryable, so a cached answer is never
 * older than the facts it should include, and any new posting invalidates the tenant's cache.
 */
@Service
class LedgerCubeService {

	private static final Logger logger = LoggerFactory.getLogger(LedgerCubeService.class);

	private final AnalyticsStore store;

	private final AnalyticsVersions versions;

	private final RedissonClient redisson;

	private final JsonMapper json;

	/** How long an answer stays cached; zero disables the cache (benchmarks of the engines themselves). */
	private final Duration cacheTtl;

	LedgerCubeService(AnalyticsStore store, AnalyticsVersions versions, RedissonClient redisson, JsonMapper json,
			@org.springframework.beans.factory.annotation.Value("${performanceos.ledger.cube.cache-ttl:10m}") Duration cacheTtl) {
		this.cacheTtl = cacheTtl;
		this.store = store;
		this.versions = versions;
		this.redisson = redisson;
		this.json = json;
	}

	Mono<LedgerCubeTypes.Cube> query(Viewer viewer, Input input) {
		CubeQuery query = toCubeQuery(input);
		List<UUID> accountFilter = input.accountIds() == null ? null : input.accountIds().stream().map(LedgerCubeService::accountKey).toList();
		if (cacheTtl.isZero()) {
			return Mono.fromCallable(() -> timedQuery(viewer.tenant(), query))
				.subscribeOn(Schedulers.boundedElastic())
				.map(result -> new LedgerCubeTypes.Cube(store.engine(), false, CubeRows.toRows(result.rows(), query, input, accountFilter)));
		}
		return versions.current(viewer.tenant()).flatMap(version -> {
			RBucket<String> cache = redisson.getBucket("performanceos:ledger-cube:" + viewer.tenant() + ":" + version + ":"
					+ Sha256.hex(query.toString()), StringCodec.INSTANCE);
			return Mono.fromCompletionStage(cache.getAsync())
				.map(cached -> new Cached(CubeRows.fromStrings(fromJson(cached), query), true))
				.switchIfEmpty(Mono.fromCallable(() -> timedQuery(viewer.tenant(), query))
					.subscribeOn(Schedulers.boundedElastic())
					.flatMap(result -> Mono.fromCompletionStage(cache.setAsync(json.writeValueAsString(CubeRows.toStrings(result.rows())), cacheTtl))
						.thenReturn(new Cached(result.rows(), false))));
		}).map(result -> new LedgerCubeTypes.Cube(store.engine(), result.cached(),
				CubeRows.toRows(result.rows(), query, input, accountFilter)));
	}

	/**
	 * The store's answer; at DEBUG, with the time the engine took as seen from here, which
	 * bench/run-cube-bench.sh sets beside the whole GraphQL call.
	 */
	private CubeResult timedQuery(String tenant, CubeQuery query) {
		long start = System.nanoTime();
		CubeResult result = store.query(tenant, query);
		logger.debug("Cube store ({}) answered {} rows in {} us", store.engine(), result.rows().size(), (System.nanoTime() - start) / 1_000);
		return result;
	}

	private static CubeQuery toCubeQuery(Input input) {
		if (input.measures().isEmpty() || input.measures().size() > LedgerCubeTypes.Measure.values().length) {
			throw badInput("measures must name 1 to " + LedgerCubeTypes.Measure.values().length + " measures");
		}
		if (input.effectiveTo().isBefore(input.effectiveFrom())) {
			throw badInput("effectiveTo is before effectiveFrom");
		}
		int limit = input.limit() == null ? LedgerCubeTypes.DEFAULT_LIMIT : input.limit();
		if (limit < 1 || limit > CubeQuery.MAX_LIMIT) {
			throw badInput("limit must be between 1 and " + CubeQuery.MAX_LIMIT);
		}
		List<Filter> filters = new ArrayList<>();
		if (input.accountIds() != null) {
			if (input.accountIds().isEmpty() || input.accountIds().size() > LedgerCubeTypes.MAX_ACCOUNT_FILTERS) {
				throw badInput("accountIds holds 1 to " + LedgerCubeTypes.MAX_ACCOUNT_FILTERS + " ids");
			}
			filters.add(new Filter("account", Filter.Operator.IN,
					input.accountIds().stream().map(id -> (Object) accountKey(id).toString()).toList()));
		}
		if (input.currencies() != null) {
			if (input.currencies().isEmpty() || input.currencies().size() > LedgerCubeTypes.MAX_CURRENCY_FILTERS) {
				throw badInput("currencies holds 1 to " + LedgerCubeTypes.MAX_CURRENCY_FILTERS + " currencies");
			}
			filters.add(new Filter("currency", Filter.Operator.IN,
					input.currencies().stream().map(currency -> (Object) currency.getCurrencyCode()).toList()));
		}
		try {
			return new CubeQuery(JournalLineFacts.CUBE.name(), input.measures().stream().map(measure -> measure.cubeName).distinct().toList(),
					input.dimensions().stream().map(dimension -> dimension.cubeName).distinct().toList(), input.grain(), filters,
					new TimeRange(input.effectiveFrom(), input.effectiveTo().plusDays(1)), limit);
		}
		catch (IllegalArgumentException ex) {
			throw badInput(ex.getMessage());
		}
	}

	private List<List<@Nullable String>> fromJson(String cached) {
		return json.readValue(cached, new TypeReference<List<List<@Nullable String>>>() {
		});
	}

	private static UUID accountKey(String id) {
		return GlobalId.decode(id, "Account").orElseThrow(() -> badInput("Not an account id: " + id));
	}

	private static GraphQlException badInput(String message) {
		return new GraphQlException(ErrorCode.BAD_USER_INPUT, message);
	}

	private record Cached(List<List<@Nullable Object>> rows, boolean cached) {
	}

}
