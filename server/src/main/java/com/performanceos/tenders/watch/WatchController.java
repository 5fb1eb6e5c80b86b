package com.performanceos.tenders.watch;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import graphql.GraphQLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.performanceos.platform.events.EventCodec;
import com.performanceos.platform.events.EventStream;
import com.performanceos.platform.events.LiveEventConsumer;
import com.performanceos.platform.graphql.BatchMaps;
import com.performanceos.platform.graphql.Caller;
import com.performanceos.platform.graphql.GlobalId;
import com.performanceos.platform.graphql.Money;
import com.performanceos.platform.graphql.NodeLoader;
import com.performanceos.platform.security.Viewer;

/** GraphQL edge of the market watch: saved searches and the live {@code tenderMatched} feed. */
@Controller
class WatchController implements NodeLoader, LiveEventConsumer {

	private static final Currency EURO = Currency.getInstance("EUR");

	private final WatchService watch;

	private final EventStream events;

	private final EventCodec codec;

	WatchController(WatchService watch, EventStream events, EventCodec codec) {
		this.watch = watch;
		this.events = events;
		this.codec = codec;
	}

	/** The schema's {@code MarketNotice}. */
	record MarketNotice(String id, NoticeSource source, String sourceId, String title, String buyerName, List<String> cpvCodes,
			List<String> departments, @Nullable Money estimatedValue, @Nullable Instant deadline, @Nullable String url, LocalDate publishedOn) {
	}

	/** The schema's {@code TenderMatch}. */
	record TenderMatch(String eventId, String searchId, String searchName, MarketNotice notice, int score, String explanation,
			Instant matchedAt) {
	}

	@MutationMapping
	Mono<CreateSavedSearch.Payload> createSavedSearch(@Argument CreateSavedSearch.Input input, Caller caller) {
		return watch.create(caller.viewer(), input, caller.sourceAddress());
	}

	@QueryMapping
	Mono<List<SavedSearch>> savedSearches(@ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		return watch.searches(viewer);
	}

	@BatchMapping(typeName = SavedSearch.TYPE_NAME, field = "digestEmail")
	Mono<Map<SavedSearch, String>> digestEmail(List<SavedSearch> searches, GraphQLContext context) {
		return BatchMaps.toOne(searches, SavedSearch::key, keys -> watch.digestEmails(context.get(Viewer.CONTEXT_KEY), keys));
	}

	/** Matches of the caller's tenant's searches, as they are made on any instance; the tenant filter is the stream's. */
	@SubscriptionMapping
	Flux<TenderMatch> tenderMatched(@ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		return codec.received(events, viewer.tenant(), TenderMatched.class).map(received -> {
			TenderMatched event = received.event();
			MarketNotice notice = new MarketNotice(GlobalId.encode("MarketNotice", event.noticeKey()), NoticeSource.valueOf(event.source()),
					event.sourceId(), event.title(), event.buyerName(), event.cpvCodes(), event.departments(),
					event.value() == null ? null : new Money(new BigDecimal(event.value()), EURO), event.deadline(), event.url(), event.publishedOn());
			return new TenderMatch(received.id().toString(), GlobalId.encode(SavedSearch.TYPE_NAME, event.searchKey()), event.searchName(), notice,
					event.score(), event.explanation(), received.occurredAt());
		});
	}

	@Override
	public Set<Class<?>> liveEventRecords() {
		return Set.of(TenderMatched.class);
	}

	@Override
	public String typeName() {
		return SavedSearch.TYPE_NAME;
	}

	@Override
	public Mono<Map<UUID, Object>> load(Viewer viewer, Collection<UUID> keys) {
		return watch.searches(viewer, keys).map(Map::<UUID, Object>copyOf);
	}

}
