package com.performanceos.scenarios.planning;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.r2dbc.spi.Readable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import com.performanceos.platform.tenancy.TenantTransaction;

/** The backtests' SQL; every method runs in the caller's tenant transaction. */
@Component
class BacktestStore {

	private static final String COLUMNS = "id, scenario_id, job_id, cutoffs::text AS cutoffs, horizons::text AS horizons, "
			+ "results::text AS results, created_by, created_at";

	private final JsonMapper json;

	BacktestStore(JsonMapper json) {
		this.json = json;
	}

	Mono<ScenarioBacktest> insert(TenantTransaction tx, UUID scenarioKey, UUID jobKey, List<LocalDate> cutoffs, List<Integer> horizons,
			String actor) {
		return tx.db().sql("INSERT INTO scenarios_backtest (tenant_id, id, scenario_id, job_id, cutoffs, horizons, created_by) VALUES "
				+ "(:tenant, :id, :scenario, :job, CAST(:cutoffs AS jsonb), CAST(:horizons AS jsonb), :actor) RETURNING " + COLUMNS)
			.bind("tenant", tx.tenant())
			.bind("id", UUID.randomUUID())
			.bind("scenario", scenarioKey)
			.bind("job", jobKey)
			.bind("cutoffs", json.writeValueAsString(cutoffs.stream().map(LocalDate::toString).toList()))
			.bind("horizons", json.writeValueAsString(horizons))
			.bind("actor", actor)
			.map(this::toBacktest)
			.one();
	}

	Mono<Void> complete(TenantTransaction tx, UUID key, List<ScenarioBacktest.Measure> results) {
		return tx.db().sql("UPDATE scenarios_backtest SET results = CAST(:results AS jsonb) WHERE id = :id AND results IS NULL")
			.bind("id", key)
			.bind("results", json.writeValueAsString(results))
			.then();
	}

	Mono<Map<UUID, ScenarioBacktest>> load(TenantTransaction tx, Collection<UUID> keys) {
		return tx.db().sql("SELECT " + COLUMNS + " FROM scenarios_backtest WHERE id = ANY(:ids)")
			.bind("ids", keys.toArray(UUID[]::new))
			.map(this::toBacktest)
			.all()
			.collect(Collectors.toMap(ScenarioBacktest::key, Function.identity()));
	}

	private ScenarioBacktest toBacktest(Readable row) {
		String results = row.get("results", String.class);
		return new ScenarioBacktest(row.get("id", UUID.class), row.get("scenario_id", UUID.class), row.get("job_id", UUID.class),
				json.readValue(row.get("cutoffs", String.class), new TypeReference<List<String>>() {
				}).stream().map(LocalDate::parse).toList(),
				json.readValue(row.get("horizons", String.class), new TypeReference<List<Integer>>() {
				}),
				results == null ? null : json.readValue(results, new TypeReference<List<ScenarioBacktest.Measure>>() {
				}),
				row.get("created_by", String.class), row.get("created_at", OffsetDateTime.class).toInstant());
	}

}
