package com.performanceos.rules.commissions.contests;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.performanceos.platform.events.EventCodec;
import com.performanceos.platform.events.EventStream;
import com.performanceos.platform.events.LiveEventConsumer;
import com.performanceos.platform.graphql.Caller;
import com.performanceos.platform.graphql.ErrorCode;
import com.performanceos.platform.graphql.GlobalId;
import com.performanceos.platform.graphql.GraphQlException;
import com.performanceos.platform.graphql.NodeLoader;
import com.performanceos.platform.security.Viewer;
import com.performanceos.rules.sales.DealsImported;
import com.performanceos.rules.sales.crm.CrmDealsSynced;

/**
 * GraphQL edge of contests. A leaderboard names reps and their points to everyone of the tenant who signs in (that
 * is what a contest is for); it shows no commission figure. {@code contestLeaderboardChanged} answers the standings at
 * once, then again each time deals arrive (a CSV import or a CRM sync, through their outbox events) closing within the
 * contest's days and changing the standings.
 */
@Controller
class ContestsController implements NodeLoader, LiveEventConsumer {

	/** Longest a {@code contestLeaderboardChanged} stream stays open. */
	private static final Duration SUBSCRIPTION_MAX = Duration.ofHours(8);

	/** Deals arriving within this window are scored once, not once per import chunk. */
	private static final Duration COALESCE = Duration.ofMillis(200);

	private final Contests contests;

	private final EventStream events;

	private final EventCodec codec;

	ContestsController(Contests contests, EventStream events, EventCodec codec) {
		this.contests = contests;
		this.events = events;
		this.codec = codec;
	}

	@MutationMapping
	Mono<CreateSalesContest.Payload> createSalesContest(@Argument CreateSalesContest.Input input, Caller caller) {
		return contests.create(caller.viewer(), input, caller.sourceAddress());
	}

	@QueryMapping
	Mono<SalesContest> salesContest(@Argument String id, @ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		return GlobalId.decode(id, SalesContest.TYPE_NAME).map(key -> contests.contest(viewer.tenant(), key)).orElse(Mono.empty());
	}

	@SchemaMapping(typeName = "SalesContest", field = "id")
	String id(SalesContest contest) {
		return contest.id();
	}

	@SchemaMapping(typeName = "SalesContest", field = "leaderboard")
	Mono<Leaderboard> leaderboard(SalesContest contest, @Argument @Nullable Integer first, @ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		return contests.leaderboard(viewer.tenant(), contest, size(first));
	}

	@SchemaMapping(typeName = "ContestLeaderboard", field = "contestId")
	String leaderboardContest(Leaderboard leaderboard) {
		return leaderboard.contest().id();
	}

	@SubscriptionMapping
	Flux<Leaderboard> contestLeaderboardChanged(@Argument String id, @Argument @Nullable Integer first,
			@ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		UUID key = GlobalId.decode(id, SalesContest.TYPE_NAME)
			.orElseThrow(() -> new GraphQlException(ErrorCode.BAD_USER_INPUT, "Not a sales contest id: " + id));
		int size = size(first);
		return contests.contest(viewer.tenant(), key)
			.switchIfEmpty(Mono.error(() -> new GraphQlException(ErrorCode.NOT_FOUND, "No sales contest with id " + id)))
			.flatMapMany(contest -> {
				Flux<Boolean> arrivals = Flux.merge(
						codec.received(events, viewer.tenant(), DealsImported.class)
							.map(received -> contest.overlaps(LocalDate.parse(received.event().closedFrom()), LocalDate.parse(received.event().closedTo()))),
						codec.received(events, viewer.tenant(), CrmDealsSynced.class)
							.map(received -> contest.overlaps(LocalDate.parse(received.event().closedFrom()), LocalDate.parse(received.event().closedTo()))))
					.filter(Boolean::booleanValue)
					.sampleTimeout(ignored -> Mono.delay(COALESCE));
				return Flux.concat(Mono.just(true), arrivals)
					.concatMap(ignored -> contests.leaderboard(viewer.tenant(), contest, size))
					.distinctUntilChanged(Leaderboard::standings)
					.take(SUBSCRIPTION_MAX);
			});
	}

	@Override
	public Set<Class<?>> liveEventRecords() {
		return Set.of(DealsImported.class, CrmDealsSynced.class);
	}

	@Override
	public String typeName() {
		return SalesContest.TYPE_NAME;
	}

	@Override
	public Mono<Map<UUID, Object>> load(Viewer viewer, Collection<UUID> keys) {
		return contests.contests(viewer.tenant(), List.copyOf(keys));
	}

	private static int size(@Nullable Integer first) {
		if (first != null && (first < 1 || first > Contests.STANDINGS_MAX)) {
			throw new GraphQlException(ErrorCode.BAD_USER_INPUT, "first is 1 to " + Contests.STANDINGS_MAX);
		}
		return first == null ? 10 : first;
	}

}
