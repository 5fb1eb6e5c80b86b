package com.performanceos.ledger.cube;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.redisson.api.RBucket;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import com.performanceos.platform.digest.Sha256;
import com.performanceos.ledger.cube.LedgerCubeTypes.Cell;
import com.performanceos.ledger.cube.LedgerCubeTypes.Input;
import com.performanceos.ledger.cube.LedgerCubeTypes.Row;
import com.performanceos.platform.analytics.AnalyticsStore;
import com.performanceos.platform.analytics.AnalyticsVersions;
import com.performanceos.platform.analytics.CubeQuery;
import com.performanceos.platform.analytics.CubeResult;
import com.performanceos.platform.analytics.Filter;
import com.performanceos.platform.analytics.TimeGrain;
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
			return Mono.fromCallable(() -> store.query(viewer.tenant(), query))
				.subscribeOn(Schedulers.boundedElastic())
				.map(result -> new LedgerCubeTypes.Cube(store.engine(), false, toRows(toStrings(result), query, input, accountFilter)));
		}
		return versions.current(viewer.tenant()).flatMap(version -> {
			RBucket<String> cache = redisson.getBucket("performanceos:ledger-cube:" + viewer.tenant() + ":" + version + ":"
					+ Sha256.hex(query.toString()), StringCodec.INSTANCE);
			return Mono.fromCompletionStage(cache.getAsync())
				.map(cached -> new Cached(fromJson(cached), true))
				.switchIfEmpty(Mono.fromCallable(() -> store.query(viewer.tenant(), query))
					.subscribeOn(Schedulers.boundedElastic())
					.map(LedgerCubeService::toStrings)
					.flatMap(rows -> Mono.fromCompletionStage(cache.setAsync(json.writeValueAsString(rows), cacheTtl))
						.thenReturn(new Cached(rows, false))));
		}).map(result -> new LedgerCubeTypes.Cube(store.engine(), result.cached(),
				toRows(result.rows(), query, input, accountFilter)));
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

	private static List<Row> toRows(List<List<@Nullable String>> rows, CubeQuery query, Input input, @Nullable List<UUID> accountFilter) {
		List<String> columns = columns(query);
		List<Row> result = new ArrayList<>(rows.size());
		for (List<@Nullable String> values : rows) {
			LocalDate period = parse(values, columns, CubeResult.PERIOD, LocalDate::parse);
			LocalDate periodEnd = period == null ? null : periodEnd(period, query.grain());
			UUID accountKey = parse(values, columns, "account", UUID::fromString);
			Currency currency = parse(values, columns, "currency", Currency::getInstance);
			Long lineCount = parse(values, columns, "line_count", Long::valueOf);
			Cell cell = new Cell(period != null ? max(period, input.effectiveFrom()) : input.effectiveFrom(),
					periodEnd != null ? min(periodEnd, input.effectiveTo()) : input.effectiveTo(), accountKey, currency, accountFilter,
					input.currencies(), rows.size());
			result.add(new Row(period, periodEnd, accountKey, currency, parse(values, columns, "debit", BigDecimal::new),
					parse(values, columns, "credit", BigDecimal::new), parse(values, columns, "net", BigDecimal::new),
					lineCount == null ? null : lineCount.intValue(), cell, null));
		}
		return result;
	}

	/** The result's column names: period (with a grain), then dimensions, then measures, as {@link CubeResult} orders them. */
	private static List<String> columns(CubeQuery query) {
		List<String> columns = new ArrayList<>();
		if (query.grain() != null) {
			columns.add(CubeResult.PERIOD);
		}
		columns.addAll(query.dimensions());
		columns.addAll(query.measures());
		return columns;
	}

	private static <T> @Nullable T parse(List<@Nullable String> values, List<String> columns, String column,
			java.util.function.Function<String, T> parser) {
		int index = columns.indexOf(column);
		String value = index < 0 ? null : values.get(index);
		return value == null ? null : parser.apply(value);
	}

	static LocalDate periodEnd(LocalDate start, @Nullable TimeGrain grain) {
		if (grain == null) {
			return start;
		}
		return switch (grain) {
			case DAY -> start;
			case WEEK -> start.plusDays(6);
			case MONTH -> start.with(TemporalAdjusters.lastDayOfMonth());
			case QUARTER -> start.plusMonths(3).minusDays(1);
			case YEAR -> start.with(TemporalAdjusters.lastDayOfYear());
		};
	}

	private static List<List<@Nullable String>> toStrings(CubeResult result) {
		List<List<@Nullable String>> rows = new ArrayList<>(result.rows().size());
		for (List<@Nullable Object> row : result.rows()) {
			List<@Nullable String> values = new ArrayList<>(row.size());
			for (Object value : row) {
				values.add(value == null ? null : value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString());
			}
			rows.add(values);
		}
		return rows;
	}

	private List<List<@Nullable String>> fromJson(String cached) {
		return json.readValue(cached, new TypeReference<List<List<@Nullable String>>>() {
		});
	}

	private static UUID accountKey(String id) {
		return GlobalId.decode(id, "Account").orElseThrow(() -> badInput("Not an account id: " + id));
	}

	private static LocalDate max(LocalDate a, LocalDate b) {
		return a.isAfter(b) ? a : b;
	}

	private static LocalDate min(LocalDate a, LocalDate b) {
		return a.isBefore(b) ? a : b;
	}

	private static GraphQlException badInput(String message) {
		return new GraphQlException(ErrorCode.BAD_USER_INPUT, message);
	}

	private record Cached(List<List<@Nullable String>> rows, boolean cached) {
	}

}
