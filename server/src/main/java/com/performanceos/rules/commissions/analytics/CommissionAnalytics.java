package com.performanceos.rules.commissions.analytics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import com.performanceos.platform.analytics.AnalyticsStore;
import com.performanceos.platform.analytics.CubeDefinition;
import com.performanceos.platform.analytics.CubeQuery;
import com.performanceos.platform.analytics.CubeResult;
import com.performanceos.platform.analytics.Filter;
import com.performanceos.platform.analytics.TimeGrain;
import com.performanceos.platform.graphql.ErrorCode;
import com.performanceos.platform.graphql.GlobalId;
import com.performanceos.platform.graphql.GraphQlException;
import com.performanceos.platform.security.Viewer;

/**
 * {@code commissionAnalytics}: commission results of chosen runs from the analytics store, summed by rep, team,
 * product, region, kind and, when asked, month. Runs are named explicitly because a month may have been run more
 * than once: summing every run of a month would count its lines twice.
 */
@Controller
class CommissionAnalytics {

	/** The most runs one query sums (two years of monthly runs). */
	static final int RUNS_MAX = 24;

	/** The most rows one answer holds. */
	static final int ROWS_MAX = 1_000;

	private final AnalyticsStore store;

	CommissionAnalytics(AnalyticsStore store) {
		this.store = store;
	}

	/** Registers the cube (and through it its fact table) with the analytics store. */
	@Configuration(proxyBeanMethods = false)
	static class Cube {

		@Bean
		CubeDefinition commissionResultsCube() {
			return CommissionFacts.CUBE;
		}

	}

	/** The schema's {@code CommissionAnalyticsDimension}. */
	enum Dimension {

		REP, TEAM, PRODUCT, REGION, KIND

	}

	/**
	 * The schema's {@code CommissionAnalyticsInput}.
	 *
	 * @param runIds the runs whose results to sum
	 * @param dimensions what to break the sums down by
	 * @param byMonth whether to break them down by month too
	 */
	record Input(List<String> runIds, List<Dimension> dimensions, @Nullable Boolean byMonth) {
	}

	/**
	 * The schema's {@code CommissionAnalyticsRow}; a dimension not asked for is null.
	 *
	 * @param month the month, YYYY-MM, when broken down by month
	 * @param rep the rep
	 * @param team the rep's manager as of the month's end (empty for none)
	 * @param product the product (empty for clawbacks)
	 * @param region the region (empty for clawbacks)
	 * @param kind DIRECT, ROLLUP or CLAWBACK
	 * @param amount what the lines pay
	 * @param credited the credit they are computed on
	 * @param lineCount how many lines
	 */
	record Row(@Nullable String month, @Nullable String rep, @Nullable String team, @Nullable String product, @Nullable String region,
			@Nullable String kind, BigDecimal amount, BigDecimal credited, long lineCount) {
	}

	/**
	 * The schema's {@code CommissionAnalytics}.
	 *
	 * @param engine the analytics engine that answered (duckdb or clickhouse)
	 * @param rows the sums, at most {@link #ROWS_MAX}
	 */
	record Answer(String engine, List<Row> rows) {
	}

	@QueryMapping
	Mono<Answer> commissionAnalytics(@Argument Input input, @ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		CubeQuery query = query(input);
		return Mono.fromCallable(() -> store.query(viewer.tenant(), query)).subscribeOn(Schedulers.boundedElastic())
			.map(result -> new Answer(store.engine(), rows(result)));
	}

	private static CubeQuery query(Input input) {
		if (input.runIds().isEmpty() || input.runIds().size() > RUNS_MAX) {
			throw new GraphQlException(ErrorCode.BAD_USER_INPUT, "runIds holds 1 to " + RUNS_MAX + " calculation run ids");
		}
		for (String id : input.runIds()) {
			if (GlobalId.decode(id, "CalculationRun").isEmpty()) {
				throw new GraphQlException(ErrorCode.BAD_USER_INPUT, "Not a calculation run id: " + id);
			}
		}
		List<String> dimensions = input.dimensions().stream().distinct().map(dimension -> dimension.name().toLowerCase(Locale.ROOT)).toList();
		return new CubeQuery(CommissionFacts.CUBE.name(), List.of("amount", "credited", "line_count"), dimensions,
				Boolean.TRUE.equals(input.byMonth()) ? TimeGrain.MONTH : null,
				List.of(new Filter("run", Filter.Operator.IN, List.copyOf(input.runIds()))), null, ROWS_MAX);
	}

	private static List<Row> rows(CubeResult result) {
		List<String> columns = result.columns();
		List<Row> rows = new ArrayList<>(result.rows().size());
		for (List<@Nullable Object> values : result.rows()) {
			Object month = at(values, columns, CubeResult.PERIOD);
			rows.add(new Row(month instanceof LocalDate day ? day.toString().substring(0, 7) : null, text(values, columns, "rep"),
					text(values, columns, "team"), text(values, columns, "product"), text(values, columns, "region"), text(values, columns, "kind"),
					decimal(at(values, columns, "amount")), decimal(at(values, columns, "credited")), decimal(at(values, columns, "line_count"))
						.longValueExact()));
		}
		return rows;
	}

	private static @Nullable Object at(List<@Nullable Object> values, List<String> columns, String name) {
		int index = columns.indexOf(name);
		return index < 0 ? null : values.get(index);
	}

	private static @Nullable String text(List<@Nullable Object> values, List<String> columns, String name) {
		Object value = at(values, columns, name);
		return value == null ? null : value.toString();
	}

	private static BigDecimal decimal(@Nullable Object value) {
		return value == null ? BigDecimal.ZERO : value instanceof BigDecimal decimal ? decimal : new BigDecimal(value.toString());
	}

}
