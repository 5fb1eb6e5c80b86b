package com.performanceos.scenarios.planning;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import com.performanceos.platform.graphql.ErrorCode;
import com.performanceos.platform.graphql.GlobalId;
import com.performanceos.platform.graphql.GraphQlException;
import com.performanceos.platform.security.Viewer;

/**
 * GraphQL edge of presence and driver locks. They live in Redis only (transient by nature), so these
 * mutations write no audit record; the driver changes they guard are audited by {@code updateScenarioDrivers}.
 */
@Controller
class ScenarioCollaborationController {

	private final DriverLocks locks;

	private final ScenarioService scenarios;

	ScenarioCollaborationController(DriverLocks locks, ScenarioService scenarios) {
		this.locks = locks;
		this.scenarios = scenarios;
	}

	/** The schema's {@code ScenarioDriverLockInput}. */
	record LockInput(String scenarioId, ScenarioDriver driver) {
	}

	/** The schema's {@code AnnounceScenarioPresenceInput}. */
	record PresenceInput(String scenarioId, DriverLocks.PresenceMode mode) {
	}

	record LockPayload(DriverLocks.@Nullable Lock lock, List<ScenarioError> userErrors) {
	}

	record ReleasePayload(boolean released, List<ScenarioError> userErrors) {
	}

	record PresencePayload(List<DriverLocks.Presence> present, List<ScenarioError> userErrors) {
	}

	@MutationMapping
	Mono<LockPayload> lockScenarioDriver(@Argument LockInput input, @ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		return inScenario(viewer, input.scenarioId(), key -> locks.acquire(viewer.tenant(), key, input.driver(), viewer.subject())
			.map(lock -> lock.holder().equals(viewer.subject()) ? new LockPayload(lock, List.of())
					: new LockPayload(null, List.of(ScenarioError.at(ScenarioErrorCode.DRIVER_LOCKED, "driver",
							lock.holder() + " is editing " + input.driver() + " until " + lock.expiresAt())))),
				error -> new LockPayload(null, List.of(error)));
	}

	@MutationMapping
	Mono<ReleasePayload> releaseScenarioDriverLock(@Argument LockInput input, @ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		return inScenario(viewer, input.scenarioId(), key -> locks.release(viewer.tenant(), key, input.driver(), viewer.subject())
			.map(released -> new ReleasePayload(released, List.of())), error -> new ReleasePayload(false, List.of(error)));
	}

	@MutationMapping
	Mono<PresencePayload> announceScenarioPresence(@Argument PresenceInput input, @ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		return inScenario(viewer, input.scenarioId(), key -> locks.announce(viewer.tenant(), key, viewer.subject(), input.mode())
			.then(locks.present(viewer.tenant(), key))
			.map(present -> new PresencePayload(present, List.of())), error -> new PresencePayload(List.of(), List.of(error)));
	}

	@QueryMapping
	Mono<List<DriverLocks.Presence>> scenarioPresence(@Argument String scenarioId, @ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		return inScenario(viewer, scenarioId, key -> locks.present(viewer.tenant(), key), error -> {
			throw new GraphQlException(ErrorCode.NOT_FOUND, error.message());
		});
	}

	/** Runs {@code work} on a scenario of the viewer's tenant; another tenant's scenario is not found, like a missing one. */
	private <T> Mono<T> inScenario(Viewer viewer, String scenarioId, Function<UUID, Mono<T>> work, Function<ScenarioError, T> missing) {
		Optional<UUID> key = GlobalId.decode(scenarioId).filter(id -> id.type().equals(Scenario.TYPE_NAME)).map(GlobalId::key);
		Mono<Boolean> exists = key.isEmpty() ? Mono.just(false) : scenarios.load(viewer, List.of(key.get())).map(found -> found.containsKey(key.get()));
		return exists.flatMap(found -> found ? work.apply(key.orElseThrow())
				: Mono.fromCallable(() -> missing.apply(ScenarioError.at(ScenarioErrorCode.SCENARIO_NOT_FOUND, "scenarioId", "No scenario " + scenarioId))));
	}

}
