package com.performanceos.scenarios.planning;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import graphql.GraphQLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import com.performanceos.platform.graphql.BatchMaps;
import com.performanceos.platform.graphql.Caller;
import com.performanceos.platform.graphql.Connection;
import com.performanceos.platform.graphql.ErrorCode;
import com.performanceos.platform.graphql.GraphQlException;
import com.performanceos.platform.graphql.NodeLoader;
import com.performanceos.platform.graphql.PageRequest;
import com.performanceos.platform.security.Viewer;
import com.performanceos.scenarios.cash.CashCategory;
import com.performanceos.scenarios.cash.DriverOverrides;

/** GraphQL edge of scenarios, their forecasts, versions, driver history and comparison. */
@Controller
class ScenarioController implements NodeLoader {

	/** Most drill-down flows one bucket answers. */
	static final int FLOWS_MAX = PageRequest.MAX_PAGE_SIZE;

	private final ScenarioService scenarios;

	ScenarioController(ScenarioService scenarios) {
		this.scenarios = scenarios;
	}

	@QueryMapping
	Mono<Connection<Scenario>> scenarios(@Argument @Nullable Integer first, @Argument @Nullable String after,
			@ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		return scenarios.list(viewer, PageRequest.of(first, after, null, null));
	}

	@MutationMapping
	Mono<CreateScenario.Payload> createScenario(@Argument CreateScenario.Input input, Caller caller) {
		return scenarios.create(caller.viewer(), input, caller.sourceAddress());
	}

	@MutationMapping
	Mono<CreateScenario.Payload> updateScenarioDrivers(@Argument UpdateScenarioDrivers.Input input,
			Caller caller) {
		return scenarios.updateDrivers(caller.viewer(), input, caller.sourceAddress());
	}

	@MutationMapping
	Mono<SaveScenarioVersion.Payload> saveScenarioVersion(@Argument SaveScenarioVersion.Input input,
			Caller caller) {
		return scenarios.saveVersion(caller.viewer(), input, caller.sourceAddress());
	}

	@SchemaMapping(typeName = "Scenario", field = "forecast")
	Mono<ForecastView> forecast(Scenario scenario, @Argument @Nullable LocalDate asOf, @Argument @Nullable Integer horizonDays,
			@ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		return scenarios.forecast(viewer, scenario, asOf, horizonDays);
	}

	@SchemaMapping(typeName = "Scenario", field = "versions")
	Mono<Connection<ScenarioVersion>> versions(Scenario scenario, @Argument @Nullable Integer first, @Argument @Nullable String after,
			@ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		return scenarios.versions(viewer, scenario, PageRequest.of(first, after, null, null));
	}

	@SchemaMapping(typeName = "Scenario", field = "driverChanges")
	Mono<Connection<DriverChangeView>> driverChanges(Scenario scenario, @Argument @Nullable Integer first,
			@Argument @Nullable String after, @ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		return scenarios.changes(viewer, scenario, PageRequest.of(first, after, null, null)).map(page -> new Connection<>(
				page.edges().stream().map(edge -> new Connection.Edge<>(edge.cursor(), DriverChangeView.of(edge.node()))).toList(),
				page.pageInfo(), page.totalCount()));
	}

	@BatchMapping(typeName = "Scenario", field = "parent")
	Mono<Map<Scenario, @Nullable Scenario>> parent(List<Scenario> page, GraphQLContext context) {
		return BatchMaps.toOne(page, Scenario::parentKey, keys -> scenarios.load(context.get(Viewer.CONTEXT_KEY), keys));
	}

	@SchemaMapping(typeName = "Scenario", field = "overrides")
	DriverOverrides overrides(Scenario scenario) {
		return scenario.overrides();
	}

	@SchemaMapping(typeName = "ScenarioDriverOverrides", field = "oneOffs")
	List<ForecastView.OneOffView> oneOffs(DriverOverrides overrides) {
		return overrides.oneOffs().stream().map(ForecastView.OneOffView::of).toList();
	}

	@BatchMapping(typeName = "ScenarioVersion", field = "scenario")
	Mono<Map<ScenarioVersion, Scenario>> versionScenario(List<ScenarioVersion> page, GraphQLContext context) {
		return BatchMaps.toOne(page, ScenarioVersion::scenarioKey, keys -> scenarios.load(context.get(Viewer.CONTEXT_KEY), keys));
	}

	@SchemaMapping(typeName = "ScenarioVersion", field = "forecast")
	Mono<ForecastView> versionForecast(ScenarioVersion version, @ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		return scenarios.forecast(viewer, version);
	}

	@SchemaMapping(typeName = "CashForecast", field = "buckets")
	List<ForecastView.BucketView> buckets(ForecastView forecast, @Argument ForecastView.Granularity granularity) {
		return forecast.buckets(granularity);
	}

	@SchemaMapping(typeName = "CashBucket", field = "flows")
	List<ForecastView.FlowView> flows(ForecastView.BucketView bucket, @Argument @Nullable CashCategory category, @Argument int first) {
		if (first < 0 || first > FLOWS_MAX) {
			throw new GraphQlException(ErrorCode.BAD_USER_INPUT, "first must be between 0 and " + FLOWS_MAX + ", got " + first);
		}
		return bucket.flows(category, first);
	}

	/** The schema's {@code CompareScenariosInput}. */
	record CompareInput(List<ScenarioComparison.Item> items, @Nullable LocalDate asOf, @Nullable Integer horizonDays,
			ForecastView.@Nullable Granularity granularity) {
	}

	@QueryMapping
	Mono<ScenarioComparison> compareScenarios(@Argument CompareInput input, @ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		return scenarios.compare(viewer, input.items(), input.asOf(), input.horizonDays(), input.granularity());
	}

	@Override
	public String typeName() {
		return Scenario.TYPE_NAME;
	}

	@Override
	public Mono<Map<UUID, Object>> load(Viewer viewer, Collection<UUID> keys) {
		return scenarios.load(viewer, keys).map(Map::<UUID, Object>copyOf);
	}

}
