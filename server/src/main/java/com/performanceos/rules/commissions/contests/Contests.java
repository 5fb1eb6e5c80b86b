package com.performanceos.rules.commissions.contests;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import com.performanceos.platform.audit.AuditEntry;
import com.performanceos.platform.mutations.Idempotency;
import com.performanceos.platform.mutations.Mutations;
import com.performanceos.platform.mutations.Outcome;
import com.performanceos.platform.security.Viewer;
import com.performanceos.platform.tenancy.TenantDatabase;
import com.performanceos.rules.commissions.CommissionsError;
import com.performanceos.rules.sales.SalesData;

/** Creates contests and computes their leaderboards from the deals as they stand. */
@Service
class Contests {

	/** The most standings one leaderboard answers. */
	static final int STANDINGS_MAX = 100;

	private final Mutations mutations;

	private final TenantDatabase database;

	private final ContestStore store;

	private final SalesData sales;

	Contests(Mutations mutations, TenantDatabase database, ContestStore store, SalesData sales) {
		this.mutations = mutations;
		this.database = database;
		this.store = store;
		this.sales = sales;
	}

	Mono<CreateSalesContest.Payload> create(Viewer viewer, CreateSalesContest.Input input, @Nullable String sourceAddress) {
		return Mutations.unlessInvalid(input.validate(), CreateSalesContest.Payload::failed, () -> {
			UUID key = UUID.randomUUID();
			return mutations.idempotent(viewer.tenant(), new Idempotency<>(CreateSalesContest.OPERATION, input.idempotencyKey(), input.fingerprint(),
					() -> CreateSalesContest.Payload.failed(List.of(CommissionsError.conflict())),
					(tx, contestKey) -> store.contest(tx, contestKey).map(contest -> new CreateSalesContest.Payload(contest, List.of()))),
					tx -> store.insert(tx, key, input.name().strip(), input.startsOn(), input.endsOn(), input.metric(), viewer.subject())
						.map(contest -> Outcome.committed(new CreateSalesContest.Payload(contest, List.of()), key, new AuditEntry(viewer.subject(),
								"commissions.contest.created", SalesContest.TYPE_NAME, contest.id(), sourceAddress, null, Map.of("name", contest.name(),
										"startsOn", contest.startsOn().toString(), "endsOn", contest.endsOn().toString(), "metric", contest.metric())))));
		});
	}

	Mono<SalesContest> contest(String tenant, UUID key) {
		return database.run(tenant, tx -> store.contest(tx, key));
	}

	Mono<Map<UUID, Object>> contests(String tenant, List<UUID> keys) {
		return database.run(tenant, tx -> store.contests(tx, keys))
			.map(found -> found.stream().collect(java.util.stream.Collectors.toMap(SalesContest::key, contest -> (Object) contest)));
	}

	/** The contest's top standings, scored off the event loop (one CEL evaluation per deal). */
	Mono<Leaderboard> leaderboard(String tenant, SalesContest contest, int size) {
		return database.run(tenant, tx -> sales.creditedDeals(tx, contest.startsOn(), contest.endsOn(), Instant.now(), SalesData.RECORDS_MAX))
			.publishOn(Schedulers.boundedElastic())
			.map(deals -> Leaderboard.of(contest, ContestMetric.compile(contest.metric()), deals, Math.clamp(size, 1, STANDINGS_MAX)));
	}

}
