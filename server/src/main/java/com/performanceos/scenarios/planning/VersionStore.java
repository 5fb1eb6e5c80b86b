package com.performanceos.scenarios.planning;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import com.performanceos.platform.digest.Sha256;
import com.performanceos.platform.tenancy.TenantTransaction;
import com.performanceos.scenarios.cash.CashForecast;
import com.performanceos.scenarios.cash.Drivers;
import com.performanceos.scenarios.cash.ForecastInputs;

/** Saved versions: inserted once with their frozen inputs, drivers, outputs and digest, never changed. */
@Component
class VersionStore {

	private static final String COLUMNS = "id, scenario_id, number, label, as_of, digest, saved_by, saved_at";

	private final ScenarioJson json;

	VersionStore(ScenarioJson json) {
		this.json = json;
	}

	/** What a version froze. */
	record Frozen(ForecastInputs inputs, Drivers drivers, String outputs, String digest) {
	}

	/** The digest of a version: SHA-256 of its three canonical JSON texts, one per line. */
	static String digest(String inputs, String drivers, String outputs) {
		return Sha256.hex(inputs + "\n" + drivers + "\n" + outputs);
	}

	Mono<ScenarioVersion> insert(TenantTransaction tx, UUID scenarioKey, String label, ForecastInputs inputs, CashForecast forecast,
			String actor) {
		String inputsJson = json.write(inputs);
		String driversJson = json.write(forecast.drivers());
		String outputsJson = json.write(ForecastOutputs.of(forecast));
		// The scenario row is locked first, so two saves of one scenario number their versions one after the other.
		return tx.db().sql("SELECT id FROM scenarios_scenario WHERE id = :scenario FOR UPDATE").bind("scenario", scenarioKey).then()
			.then(tx.db().sql("INSERT INTO scenarios_version (tenant_id, id, scenario_id, number, label, as_of, inputs, drivers, outputs, digest, "
					+ "saved_by) SELECT :tenant, :id, :scenario, coalesce(max(number), 0) + 1, :label, :asOf, CAST(:inputs AS jsonb), "
					+ "CAST(:drivers AS jsonb), CAST(:outputs AS jsonb), :digest, :actor FROM scenarios_version WHERE scenario_id = :scenario "
					+ "RETURNING " + COLUMNS)
				.bind("tenant", tx.tenant())
				.bind("id", UUID.randomUUID())
				.bind("scenario", scenarioKey)
				.bind("label", label)
				.bind("asOf", inputs.asOf())
				.bind("inputs", inputsJson)
				.bind("drivers", driversJson)
				.bind("outputs", outputsJson)
				.bind("digest", digest(inputsJson, driversJson, outputsJson))
				.bind("actor", actor)
				.map(VersionStore::toVersion)
				.one());
	}

	Mono<List<ScenarioVersion>> find(TenantTransaction tx, Collection<UUID> keys) {
		return tx.db().sql("SELECT " + COLUMNS + " FROM scenarios_version WHERE id = ANY(:keys)")
			.bind("keys", keys.toArray(UUID[]::new))
			.map(VersionStore::toVersion)
			.all()
			.collectList();
	}

	/** Versions of one scenario by number, after {@code afterNumber}. */
	Mono<List<ScenarioVersion>> page(TenantTransaction tx, UUID scenarioKey, int afterNumber, int limit) {
		return tx.db().sql("SELECT " + COLUMNS + " FROM scenarios_version WHERE scenario_id = :scenario AND number > :after "
				+ "ORDER BY number LIMIT :limit")
			.bind("scenario", scenarioKey)
			.bind("after", afterNumber)
			.bind("limit", limit)
			.map(VersionStore::toVersion)
			.all()
			.collectList();
	}

	Mono<Integer> count(TenantTransaction tx, UUID scenarioKey) {
		return tx.db().sql("SELECT count(*)::int AS total FROM scenarios_version WHERE scenario_id = :scenario")
			.bind("scenario", scenarioKey)
			.map(row -> row.get("total", Integer.class))
			.one();
	}

	Mono<Frozen> frozen(TenantTransaction tx, UUID key) {
		return tx.db().sql("SELECT inputs::text AS inputs, drivers::text AS drivers, outputs::text AS outputs, digest "
				+ "FROM scenarios_version WHERE id = :id")
			.bind("id", key)
			.map(row -> new Frozen(json.read(row.get("inputs", String.class), ForecastInputs.class),
					json.read(row.get("drivers", String.class), Drivers.class), row.get("outputs", String.class),
					row.get("digest", String.class)))
			.one();
	}

	private static ScenarioVersion toVersion(Readable row) {
		return new ScenarioVersion(row.get("id", UUID.class), row.get("scenario_id", UUID.class), row.get("number", Integer.class),
				row.get("label", String.class), row.get("as_of", java.time.LocalDate.class), row.get("digest", String.class),
				row.get("saved_by", String.class), row.get("saved_at", OffsetDateTime.class).toInstant());
	}

}
