package com.performanceos.scenarios.planning;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import com.performanceos.platform.graphql.Caller;
import com.performanceos.platform.graphql.GlobalId;
import com.performanceos.platform.jobs.Job;
import com.performanceos.platform.jobs.Jobs;
import com.performanceos.platform.security.Viewer;

/** GraphQL edge of backtests. */
@Controller
class ScenarioBacktestController {

	private final ScenarioBacktests backtests;

	private final ScenarioService scenarios;

	private final Jobs jobs;

	ScenarioBacktestController(ScenarioBacktests backtests, ScenarioService scenarios, Jobs jobs) {
		this.backtests = backtests;
		this.scenarios = scenarios;
		this.jobs = jobs;
	}

	@MutationMapping
	Mono<StartScenarioBacktest.Payload> startScenarioBacktest(@Argument StartScenarioBacktest.Input input, Caller caller) {
		return backtests.start(caller.viewer(), input, caller.sourceAddress());
	}

	@QueryMapping
	Mono<ScenarioBacktest> scenarioBacktest(@Argument String id, @ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		Optional<UUID> key = GlobalId.decode(id).filter(decoded -> decoded.type().equals(ScenarioBacktest.TYPE_NAME)).map(GlobalId::key);
		return key.map(found -> backtests.load(viewer, List.of(found)).flatMap(loaded -> Mono.justOrEmpty(loaded.get(found))))
			.orElse(Mono.empty());
	}

	@SchemaMapping(typeName = "ScenarioBacktest", field = "scenario")
	Mono<Scenario> scenario(ScenarioBacktest backtest, @ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		return scenarios.load(viewer, List.of(backtest.scenarioKey())).flatMap(found -> Mono.justOrEmpty(found.get(backtest.scenarioKey())));
	}

	@SchemaMapping(typeName = "ScenarioBacktest", field = "job")
	Mono<Job> job(ScenarioBacktest backtest, @ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		return jobs.load(viewer.tenant(), List.of(backtest.jobKey())).flatMap(found -> Mono.justOrEmpty(found.get(backtest.jobKey())));
	}

}
