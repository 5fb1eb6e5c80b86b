package com.performanceos.scenarios.planning;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import com.performanceos.platform.graphql.PageRequest;
import com.performanceos.platform.tenancy.TenantTransaction;
import com.performanceos.scenarios.cash.DriverOverrides;
import com.performanceos.scenarios.cash.ScenarioTemplate;

/** The scenarios' SQL and their driver history; every method runs in a tenant transaction. */
@Component
class ScenarioStore {

	/** Longest parent chain a scenario may have: the engine's own bound on inheritance depth. */
	static final int DEPTH_MAX = 31;

	private static final String COLUMNS = "id, name, template, parent_id, reporting_currency, overrides::text AS overrides, revision, "
			+ "created_by, created_at, updated_at";

	private final ScenarioJson json;

	ScenarioStore(ScenarioJson json) {
		this.json = json;
	}

	/** A driver change as recorded: the overrides before and after, by whom and when. */
	record DriverChange(UUID key, long sequence, UUID scenarioKey, int revision, DriverOverrides before, DriverOverrides after,
			String changedBy, Instant changedAt) {
	}

	Mono<Boolean> nameTaken(TenantTransaction tx, String name) {
		return tx.db().sql("SELECT 1 FROM scenarios_scenario WHERE name = :name").bind("name", name).map(row -> true).first()
			.defaultIfEmpty(false);
	}

	Mono<Scenario> insert(TenantTransaction tx, String name, @Nullable ScenarioTemplate template, @Nullable UUID parentKey,
			Currency currency, DriverOverrides overrides, String actor) {
		var insert = tx.db().sql("INSERT INTO scenarios_scenario (tenant_id, id, name, template, parent_id, reporting_currency, overrides, "
				+ "created_by) VALUES (:tenant, :id, :name, :template, :parent, :currency, CAST(:overrides AS jsonb), :actor) RETURNING " + COLUMNS)
			.bind("tenant", tx.tenant())
			.bind("id", UUID.randomUUID())
			.bind("name", name)
			.bind("currency", currency.getCurrencyCode())
			.bind("overrides", json.write(overrides))
			.bind("actor", actor);
		insert = template == null ? insert.bindNull("template", String.class) : insert.bind("template", template.name());
		insert = parentKey == null ? insert.bindNull("parent", UUID.class) : insert.bind("parent", parentKey);
		return insert.map(this::toScenario).one();
	}

	Mono<List<Scenario>> find(TenantTransaction tx, Collection<UUID> keys) {
		return tx.db().sql("SELECT " + COLUMNS + " FROM scenarios_scenario WHERE id = ANY(:keys)")
			.bind("keys", keys.toArray(UUID[]::new))
			.map(this::toScenario)
			.all()
			.collectList();
	}

	/** The scenario and its ancestors, the root (which has the template) first; empty when it does not exist. */
	Mono<List<Scenario>> chain(TenantTransaction tx, UUID key) {
		return tx.db().sql("WITH RECURSIVE chain AS (SELECT s.*, 0 AS depth FROM scenarios_scenario s WHERE id = :id "
				+ "UNION ALL SELECT p.*, c.depth + 1 FROM scenarios_scenario p JOIN chain c ON p.id = c.parent_id WHERE c.depth < :max) "
				+ "SELECT " + COLUMNS + " FROM chain ORDER BY depth DESC")
			.bind("id", key)
			.bind("max", DEPTH_MAX)
			.map(this::toScenario)
			.all()
			.collectList();
	}

	Mono<List<Scenario>> page(TenantTransaction tx, PageRequest page) {
		String after = page.cursorKey() != null ? " WHERE name > :cursor" : "";
		var select = tx.db().sql("SELECT " + COLUMNS + " FROM scenarios_scenario" + after + " ORDER BY name LIMIT :limit")
			.bind("limit", page.size() + 1);
		if (page.cursorKey() != null) {
			select = select.bind("cursor", page.cursorKey());
		}
		return select.map(this::toScenario).all().collectList();
	}

	Mono<Integer> count(TenantTransaction tx) {
		return tx.db().sql("SELECT count(*)::int AS total FROM scenarios_scenario").map(row -> row.get("total", Integer.class)).one();
	}

	/**
	 * Replaces the overrides if the scenario is still at {@code expectedRevision}, and records the change;
	 * empty when it is not (another editor was first).
	 */
	Mono<Scenario> changeDrivers(TenantTransaction tx, Scenario current, int expectedRevision, DriverOverrides after,
			String actor) {
		return tx.db().sql("UPDATE scenarios_scenario SET overrides = CAST(:overrides AS jsonb), revision = revision + 1, "
				+ "updated_at = clock_timestamp() WHERE id = :id AND revision = :revision RETURNING " + COLUMNS)
			.bind("overrides", json.write(after))
			.bind("id", current.key())
			.bind("revision", expectedRevision)
			.map(this::toScenario)
			.one()
			.flatMap(updated -> tx.db().sql("INSERT INTO scenarios_driver_change (tenant_id, id, scenario_id, revision, before, after, "
					+ "changed_by) VALUES (:tenant, :id, :scenario, :revision, CAST(:before AS jsonb), CAST(:after AS jsonb), :actor)")
				.bind("tenant", tx.tenant())
				.bind("id", UUID.randomUUID())
				.bind("scenario", updated.key())
				.bind("revision", updated.revision())
				.bind("before", json.write(current.overrides()))
				.bind("after", json.write(after))
				.bind("actor", actor)
				.then()
				.thenReturn(updated));
	}

	/** Driver changes of one scenario, oldest first, after the keyset position {@code afterSequence}. */
	Mono<List<DriverChange>> changes(TenantTransaction tx, UUID scenarioKey, long afterSequence, int limit) {
		return tx.db().sql("SELECT id, change_seq, scenario_id, revision, before::text AS before, after::text AS after, changed_by, changed_at "
				+ "FROM scenarios_driver_change WHERE scenario_id = :scenario AND change_seq > :after ORDER BY change_seq LIMIT :limit")
			.bind("scenario", scenarioKey)
			.bind("after", afterSequence)
			.bind("limit", limit)
			.map(row -> new DriverChange(row.get("id", UUID.class), row.get("change_seq", Long.class), row.get("scenario_id", UUID.class),
					row.get("revision", Integer.class), json.read(row.get("before", String.class), DriverOverrides.class),
					json.read(row.get("after", String.class), DriverOverrides.class), row.get("changed_by", String.class),
					row.get("changed_at", OffsetDateTime.class).toInstant()))
			.all()
			.collectList();
	}

	Mono<Integer> countChanges(TenantTransaction tx, UUID scenarioKey) {
		return tx.db().sql("SELECT count(*)::int AS total FROM scenarios_driver_change WHERE scenario_id = :scenario")
			.bind("scenario", scenarioKey)
			.map(row -> row.get("total", Integer.class))
			.one();
	}

	private Scenario toScenario(Readable row) {
		String template = row.get("template", String.class);
		return new Scenario(row.get("id", UUID.class), row.get("name", String.class),
				template == null ? null : ScenarioTemplate.valueOf(template), row.get("parent_id", UUID.class),
				Currency.getInstance(row.get("reporting_currency", String.class)),
				json.read(row.get("overrides", String.class), DriverOverrides.class), row.get("revision", Integer.class),
				row.get("created_by", String.class), row.get("created_at", OffsetDateTime.class).toInstant(),
				row.get("updated_at", OffsetDateTime.class).toInstant());
	}

}
