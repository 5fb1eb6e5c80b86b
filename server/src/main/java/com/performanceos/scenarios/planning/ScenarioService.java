package com.performanceos.scenarios.planning;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.performanceos.platform.audit.AuditEntry;
import com.performanceos.platform.graphql.Connection;
import com.performanceos.platform.graphql.ErrorCode;
import com.performanceos.platform.graphql.GlobalId;
import com.performanceos.platform.graphql.GraphQlException;
import com.performanceos.platform.graphql.PageRequest;
import com.performanceos.platform.mutations.Idempotency;
import com.performanceos.platform.events.Outbox;
import com.performanceos.platform.mutations.Mutations;
import com.performanceos.platform.mutations.Outcome;
import com.performanceos.platform.security.Viewer;
import com.performanceos.platform.tenancy.TenantDatabase;
import com.performanceos.platform.tenancy.TenantTransaction;
import com.performanceos.scenarios.cash.CashForecast;
import com.performanceos.scenarios.cash.CashForecastEngine;
import com.performanceos.scenarios.cash.DriverOverrides;
import com.performanceos.scenarios.cash.Drivers;
import com.performanceos.scenarios.cash.MissingExchangeRate;


/** Creates scenarios, changes their drivers, recalculates and saves them; reads them for the API. */
@Service
public class ScenarioService {

	/** 13 weeks. */
	static final int HORIZON_DAYS_DEFAULT = 91;

	/** The engine's own bound: a year. */
	static final int HORIZON_DAYS_MAX = 366;

	private final TenantDatabase database;

	private final Mutations mutations;

	private final ScenarioStore scenarios;

	private final VersionStore versions;

	private final LedgerFacts facts;

	private final Outbox outbox;

	private final DriverLocks locks;

	private final CashForecastEngine engine = new CashForecastEngine();

	private final Clock clock = Clock.systemUTC();

	ScenarioService(TenantDatabase database, Mutations mutations, ScenarioStore scenarios, VersionStore versions, LedgerFacts facts,
			Outbox outbox, DriverLocks locks) {
		this.database = database;
		this.outbox = outbox;
		this.locks = locks;
		this.mutations = mutations;
		this.scenarios = scenarios;
		this.versions = versions;
		this.facts = facts;
	}

	Mono<CreateScenario.Payload> create(Viewer viewer, CreateScenario.Input input, @Nullable String sourceAddress) {
		return Mutations.unlessInvalid(input.validate(), CreateScenario.Payload::failed,
				() -> mutations.idempotent(viewer.tenant(), new Idempotency<>(CreateScenario.OPERATION, input.idempotencyKey(),
						input.fingerprint(), () -> CreateScenario.Payload.failed(ScenarioError.conflict()),
						(tx, key) -> scenarios.find(tx, List.of(key)).map(found -> CreateScenario.Payload.of(found.getFirst()))),
						tx -> insert(tx, viewer, input, sourceAddress))
					.onErrorResume(DuplicateKeyException.class, ex -> Mono.just(duplicateName(input.name()))));
	}

	private Mono<Outcome<CreateScenario.Payload>> insert(TenantTransaction tx, Viewer viewer, CreateScenario.Input input,
			@Nullable String sourceAddress) {
		Mono<Optional<Scenario>> parent = input.parentId() == null ? Mono.just(Optional.empty())
				: keyOf(input.parentId(), Scenario.TYPE_NAME).map(key -> scenarios.chain(tx, key))
					.orElse(Mono.just(List.of()))
					.flatMap(chain -> {
						if (chain.isEmpty()) {
							return Mono.error(new Refused(ScenarioError.at(ScenarioErrorCode.SCENARIO_NOT_FOUND, "parentId", "No scenario " + input.parentId())));
						}
						if (chain.size() >= ScenarioStore.DEPTH_MAX) {
							return Mono.error(new Refused(ScenarioError.at(ScenarioErrorCode.INHERITANCE_TOO_DEEP, "parentId",
									"A scenario may inherit through at most " + ScenarioStore.DEPTH_MAX + " ancestors")));
						}
						return Mono.just(Optional.of(chain.getLast()));
					});
		return parent.flatMap(found -> scenarios.nameTaken(tx, input.name().strip()).flatMap(taken -> {
			if (taken) {
				return Mono.just(Outcome.rejected(duplicateName(input.name())));
			}
			return scenarios.insert(tx, input.name().strip(), input.template(), found.map(Scenario::key).orElse(null),
					found.map(Scenario::reportingCurrency).orElseGet(() -> Objects.requireNonNull(input.reportingCurrency())),
					input.overrides().toOverrides(), viewer.subject())
				.map(created -> Outcome.committed(CreateScenario.Payload.of(created), created.key(),
						new AuditEntry(viewer.subject(), "scenarios.scenario.created", Scenario.TYPE_NAME, created.id(), sourceAddress,
								null, Map.of("name", created.name(), "overrides", created.overrides()))));
		})).onErrorResume(Refused.class, refused -> Mono.just(Outcome.rejected(CreateScenario.Payload.failed(refused.error))));
	}

	Mono<CreateScenario.Payload> updateDrivers(Viewer viewer, UpdateScenarioDrivers.Input input, @Nullable String sourceAddress) {
		return Mutations.unlessInvalid(input.validate(), CreateScenario.Payload::failed, () -> {
			Optional<UUID> key = keyOf(input.scenarioId(), Scenario.TYPE_NAME);
			return mutations.once(viewer.tenant(), tx -> (key.isEmpty() ? Mono.just(List.<Scenario>of()) : scenarios.find(tx, List.of(key.get())))
				.flatMap(found -> {
					if (found.isEmpty()) {
						return Mono.just(Outcome.rejected(CreateScenario.Payload.failed(
								ScenarioError.at(ScenarioErrorCode.SCENARIO_NOT_FOUND, "scenarioId", "No scenario " + input.scenarioId()))));
					}
					Scenario current = found.getFirst();
					DriverOverrides wanted = input.drivers().toOverrides();
					return locks.heldByOthers(viewer.tenant(), current.key(), ScenarioDriver.changed(current.overrides(), wanted), viewer.subject())
						.flatMap(held -> held.isEmpty() ? change(tx, viewer, current, input, wanted, sourceAddress)
								: Mono.just(Outcome.rejected(CreateScenario.Payload.failed(ScenarioError.at(ScenarioErrorCode.DRIVER_LOCKED, "drivers",
										"Locked by another editor: " + held)))));
				}));
		});
	}

	private Mono<Outcome<CreateScenario.Payload>> change(TenantTransaction tx, Viewer viewer, Scenario current, UpdateScenarioDrivers.Input input,
			DriverOverrides wanted, @Nullable String sourceAddress) {
		return scenarios.changeDrivers(tx, current, input.revision(), wanted, viewer.subject())
			.flatMap(updated -> outbox.publish(tx, updated.updatedAt(), new ScenarioDriversChanged(updated.id(), updated.revision(),
					viewer.subject())).thenReturn(updated))
			.map(updated -> Outcome.committed(CreateScenario.Payload.of(updated),
					new AuditEntry(viewer.subject(), "scenarios.drivers.changed", Scenario.TYPE_NAME, updated.id(), sourceAddress,
							Map.of("revision", current.revision(), "overrides", current.overrides()),
							Map.of("revision", updated.revision(), "overrides", updated.overrides()))))
			.defaultIfEmpty(Outcome.rejected(CreateScenario.Payload.failed(ScenarioError.at(ScenarioErrorCode.STALE_REVISION, "revision",
					"The drivers were changed since revision " + input.revision() + "; they are at revision " + current.revision()))));
	}

	Mono<SaveScenarioVersion.Payload> saveVersion(Viewer viewer, SaveScenarioVersion.Input input, @Nullable String sourceAddress) {
		return Mutations.unlessInvalid(input.validate(), SaveScenarioVersion.Payload::failed, () -> {
			Optional<UUID> key = keyOf(input.scenarioId(), Scenario.TYPE_NAME);
			return mutations.idempotent(viewer.tenant(), new Idempotency<>(SaveScenarioVersion.OPERATION, input.idempotencyKey(),
					input.fingerprint(), () -> SaveScenarioVersion.Payload.failed(ScenarioError.conflict()),
					(tx, versionKey) -> versions.find(tx, List.of(versionKey)).map(found -> new SaveScenarioVersion.Payload(found.getFirst(), List.of()))),
					tx -> (key.isEmpty() ? Mono.just(List.<Scenario>of()) : scenarios.chain(tx, key.get())).flatMap(chain -> {
						if (chain.isEmpty()) {
							return Mono.just(Outcome.rejected(SaveScenarioVersion.Payload.failed(
									ScenarioError.at(ScenarioErrorCode.SCENARIO_NOT_FOUND, "scenarioId", "No scenario " + input.scenarioId()))));
						}
						Scenario scenario = chain.getLast();
						return facts.read(tx, input.asOf(), input.horizon(), scenario.reportingCurrency().getCurrencyCode()).flatMap(inputs -> {
							CashForecast forecast;
							try {
								forecast = engine.forecast(inputs, drivers(chain));
							}
							catch (IllegalArgumentException ex) {
								return Mono.just(Outcome.rejected(SaveScenarioVersion.Payload.failed(
										ScenarioError.at(ScenarioErrorCode.MISSING_EXCHANGE_RATE, "scenarioId", ex.getMessage()))));
							}
							String label = input.label() != null ? input.label().strip() : scenario.name() + " as of " + input.asOf();
							return versions.insert(tx, scenario.key(), label, inputs, forecast, viewer.subject())
								.map(saved -> Outcome.committed(new SaveScenarioVersion.Payload(saved, List.of()), saved.key(),
										new AuditEntry(viewer.subject(), "scenarios.version.saved", ScenarioVersion.TYPE_NAME, saved.id(), sourceAddress,
												null, Map.of("scenario", scenario.id(), "number", saved.number(), "digest", saved.digest()))));
						});
					}));
		});
	}

	/** The scenario's forecast recalculated now from the ledger's current facts. */
	Mono<ForecastView> forecast(Viewer viewer, Scenario scenario, @Nullable LocalDate asOf, @Nullable Integer horizonDays) {
		LocalDate first = asOf != null ? asOf : LocalDate.now(clock);
		int horizon = horizonDays != null ? horizonDays : HORIZON_DAYS_DEFAULT;
		if (horizon < 1 || horizon > HORIZON_DAYS_MAX) {
			return Mono.error(new GraphQlException(ErrorCode.BAD_USER_INPUT, "horizonDays must be between 1 and " + HORIZON_DAYS_MAX));
		}
		return database.run(viewer.tenant(), tx -> scenarios.chain(tx, scenario.key()).flatMap(chain -> facts.read(tx, first, horizon,
				scenario.reportingCurrency().getCurrencyCode()).map(inputs -> calculate(inputs, drivers(chain)))));
	}

	/** A scenario's forecast as it stands and with extra one-offs, from the same facts. */
	public record Beside(ForecastView baseline, ForecastView with) {
	}

	/**
	 * The scenario's forecast from the ledger's current facts, and the same with {@code extra} one-offs added to its
	 * drivers (a what-if of another domain: nothing is stored), both from one read of the facts; empty when the scenario
	 * is not the tenant's.
	 */
	public Mono<Beside> forecastBeside(Viewer viewer, UUID scenarioKey, @Nullable LocalDate asOf, @Nullable Integer horizonDays,
			List<com.performanceos.scenarios.cash.OneOff> extra) {
		LocalDate first = asOf != null ? asOf : LocalDate.now(clock);
		int horizon = horizonDays != null ? horizonDays : HORIZON_DAYS_DEFAULT;
		if (horizon < 1 || horizon > HORIZON_DAYS_MAX) {
			return Mono.error(new GraphQlException(ErrorCode.BAD_USER_INPUT, "horizonDays must be between 1 and " + HORIZON_DAYS_MAX));
		}
		return database.run(viewer.tenant(), tx -> scenarios.chain(tx, scenarioKey).filter(chain -> !chain.isEmpty())
			.flatMap(chain -> facts.read(tx, first, horizon, chain.getLast().reportingCurrency().getCurrencyCode()).map(inputs -> {
				Drivers drivers = drivers(chain);
				List<com.performanceos.scenarios.cash.OneOff> oneOffs = new java.util.ArrayList<>(drivers.oneOffs());
				oneOffs.addAll(extra);
				return new Beside(calculate(inputs, drivers), calculate(inputs, new Drivers(drivers.revenueGrowth(),
						drivers.collectionDelayShiftDays(), drivers.collectionRate(), drivers.payablesStretchDays(),
						drivers.recurringExpenseChange(), oneOffs)));
			})));
	}

	/** A forecast and the scenarios it depends on (the scenario and its ancestors), for live recalculation. */
	record Recalculation(Scenario scenario, Set<UUID> chain, ForecastView forecast) {
	}

	/** The scenario's forecast from the ledger's current facts, with its chain; empty when the scenario is not the tenant's. */
	Mono<Recalculation> recalculate(Viewer viewer, UUID scenarioKey, LocalDate asOf, int horizonDays) {
		return database.run(viewer.tenant(), tx -> {
			return scenarios.chain(tx, scenarioKey).filter(chain -> !chain.isEmpty()).flatMap(chain -> facts.read(tx, asOf, horizonDays,
					chain.getLast().reportingCurrency().getCurrencyCode())
				.map(inputs -> new Recalculation(chain.getLast(), chain.stream().map(Scenario::key).collect(Collectors.toSet()),
						calculate(inputs, drivers(chain)))));
		});
	}

	/** A saved version's forecast: recalculated from what the version froze, so it is the one that was saved. */
	public Mono<ForecastView> forecast(Viewer viewer, ScenarioVersion version) {
		return database.run(viewer.tenant(), tx -> versions.frozen(tx, version.key()))
			.map(frozen -> calculate(frozen.inputs(), frozen.drivers()));
	}

	private ForecastView calculate(com.performanceos.scenarios.cash.ForecastInputs inputs, Drivers drivers) {
		try {
			return new ForecastView(engine.forecast(inputs, drivers), inputs.asOf(), inputs.horizonDays());
		}
		catch (MissingExchangeRate ex) {
			throw new GraphQlException(ErrorCode.MISSING_EXCHANGE_RATE, Objects.requireNonNullElse(ex.getMessage(), "missing exchange rate"));
		}
		catch (IllegalArgumentException ex) {
			throw new GraphQlException(ErrorCode.BAD_USER_INPUT, Objects.requireNonNullElse(ex.getMessage(), "cannot calculate"));
		}
	}

	/** Drivers of the scenario at the end of {@code chain} (root first), inheritance resolved. */
	static Drivers drivers(List<Scenario> chain) {
		Scenario root = chain.getFirst();
		com.performanceos.scenarios.cash.Scenario resolved = new com.performanceos.scenarios.cash.Scenario(root.name(), Objects.requireNonNull(root.template()), null, root.overrides());
		for (Scenario child : chain.subList(1, chain.size())) {
			resolved = resolved.child(child.name(), child.overrides());
		}
		return resolved.drivers();
	}

	Mono<Connection<Scenario>> list(Viewer viewer, PageRequest page) {
		return database.run(viewer.tenant(), tx -> scenarios.page(tx, page).zipWith(scenarios.count(tx),
				(found, total) -> Connection.fromKeyset(page, found, Scenario::name, total)));
	}

	Mono<Connection<ScenarioVersion>> versions(Viewer viewer, Scenario scenario, PageRequest page) {
		int after = page.cursorKey() == null ? 0 : (int) Math.min(Integer.MAX_VALUE, parseCursor(page.cursorKey()));
		return database.run(viewer.tenant(), tx -> versions.page(tx, scenario.key(), after, page.size() + 1).zipWith(versions.count(tx, scenario.key()),
				(found, total) -> Connection.fromKeyset(page, found, version -> Integer.toString(version.number()), total)));
	}

	Mono<Connection<ScenarioStore.DriverChange>> changes(Viewer viewer, Scenario scenario, PageRequest page) {
		long after = page.cursorKey() == null ? 0 : parseCursor(page.cursorKey());
		return database.run(viewer.tenant(), tx -> scenarios.changes(tx, scenario.key(), after, page.size() + 1).zipWith(scenarios.countChanges(tx, scenario.key()),
				(found, total) -> Connection.fromKeyset(page, found, change -> Long.toString(change.sequence()), total)));
	}

	/**
	 * What {@code compareScenarios} answers, also written by the comparison exports: 2 to {@value ScenarioComparison#SERIES_MAX}
	 * scenarios (recalculated now, from {@code asOf} over {@code horizonDays}) or saved versions, deltas against the first.
	 * Fails with a {@link GraphQlException}: BAD_USER_INPUT for a malformed request, NOT_FOUND for an id that is not the
	 * tenant's, MISSING_EXCHANGE_RATE.
	 */
	public Mono<ScenarioComparison> compare(Viewer viewer, List<ScenarioComparison.Item> items, @Nullable LocalDate asOf,
			@Nullable Integer horizonDays, ForecastView.@Nullable Granularity granularity) {
		if (items.size() < 2 || items.size() > ScenarioComparison.SERIES_MAX) {
			return Mono.error(new GraphQlException(ErrorCode.BAD_USER_INPUT, "compare 2 to " + ScenarioComparison.SERIES_MAX + " items"));
		}
		List<Mono<ScenarioComparison.Series>> series = items.stream().map(item -> seriesOf(viewer, item, asOf, horizonDays)).toList();
		ForecastView.Granularity bucketSize = granularity != null ? granularity : ForecastView.Granularity.WEEK;
		return Flux.concat(series).collectList().map(found -> {
			try {
				return ScenarioComparison.of(bucketSize, found);
			}
			catch (IllegalArgumentException ex) {
				throw new GraphQlException(ErrorCode.BAD_USER_INPUT, String.valueOf(ex.getMessage()));
			}
		});
	}

	private Mono<ScenarioComparison.Series> seriesOf(Viewer viewer, ScenarioComparison.Item item, @Nullable LocalDate asOf,
			@Nullable Integer horizonDays) {
		if ((item.scenarioId() == null) == (item.versionId() == null)) {
			return Mono.error(new GraphQlException(ErrorCode.BAD_USER_INPUT, "each item names either a scenarioId or a versionId"));
		}
		if (item.scenarioId() != null) {
			String id = item.scenarioId();
			return keyOf(id, Scenario.TYPE_NAME).map(key -> load(viewer, List.of(key)).flatMap(found -> Mono.justOrEmpty(found.get(key))))
				.orElse(Mono.empty())
				.switchIfEmpty(Mono.error(() -> new GraphQlException(ErrorCode.NOT_FOUND, "No scenario " + id)))
				.flatMap(scenario -> forecast(viewer, scenario, asOf, horizonDays)
					.map(forecast -> new ScenarioComparison.Series(scenario.name(), scenario, null, forecast)));
		}
		String id = String.valueOf(item.versionId());
		return keyOf(id, ScenarioVersion.TYPE_NAME).map(key -> loadVersions(viewer, List.of(key))
			.flatMap(found -> Mono.justOrEmpty(found.get(key))))
			.orElse(Mono.empty())
			.switchIfEmpty(Mono.error(() -> new GraphQlException(ErrorCode.NOT_FOUND, "No scenario version " + id)))
			.flatMap(version -> forecast(viewer, version).map(forecast -> new ScenarioComparison.Series(version.label(), null, version, forecast)));
	}

	public Mono<Map<UUID, Scenario>> load(Viewer viewer, Collection<UUID> keys) {
		return database.run(viewer.tenant(), tx -> scenarios.find(tx, keys))
			.map(found -> found.stream().collect(Collectors.toMap(Scenario::key, Function.identity())));
	}

	public Mono<Map<UUID, ScenarioVersion>> loadVersions(Viewer viewer, Collection<UUID> keys) {
		return database.run(viewer.tenant(), tx -> versions.find(tx, keys))
			.map(found -> found.stream().collect(Collectors.toMap(ScenarioVersion::key, Function.identity())));
	}

	static Optional<UUID> keyOf(String id, String type) {
		return GlobalId.decode(id).filter(decoded -> decoded.type().equals(type)).map(GlobalId::key);
	}

	private static long parseCursor(String key) {
		try {
			return Long.parseLong(key);
		}
		catch (NumberFormatException ex) {
			throw new GraphQlException(ErrorCode.BAD_USER_INPUT, "Not a cursor of this list");
		}
	}

	private static CreateScenario.Payload duplicateName(String name) {
		return CreateScenario.Payload.failed(ScenarioError.at(ScenarioErrorCode.DUPLICATE_SCENARIO_NAME, "name",
				"A scenario named " + name.strip() + " already exists"));
	}

	/** A refusal found while reading ahead of the write; turned into a rejected outcome by the work itself. */
	private static final class Refused extends RuntimeException {

		private final transient ScenarioError error;

		Refused(ScenarioError error) {
			super(error.message(), null, false, false);
			this.error = error;
		}

	}

}
