package com.performanceos.ledger.accounts;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import graphql.schema.DataFetchingFieldSelectionSet;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
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
import com.performanceos.platform.graphql.Caller;
import com.performanceos.platform.graphql.Connection;
import com.performanceos.platform.graphql.NodeLoader;
import com.performanceos.platform.graphql.PageRequest;
import com.performanceos.platform.security.Viewer;

/** GraphQL edge of the chart of accounts: parse, call the service, map to the payload. */
@Controller
class AccountController implements NodeLoader, LiveEventConsumer {

	private final AccountService accounts;

	private final EventStream events;

	private final EventCodec codec;

	AccountController(AccountService accounts, EventStream events, EventCodec codec) {
		this.accounts = accounts;
		this.events = events;
		this.codec = codec;
	}

	@QueryMapping
	Mono<Connection<Account>> accounts(@Argument @Nullable Integer first, @Argument @Nullable String after,
			@Argument @Nullable Integer last, @Argument @Nullable String before, DataFetchingFieldSelectionSet selection,
			@ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		return accounts.list(viewer, PageRequest.of(first, after, last, before), Connection.totalSelected(selection));
	}

	@MutationMapping
	Mono<CreateAccount.Payload> createAccount(@Argument CreateAccount.Input input, Caller caller) {
		return accounts.create(caller.viewer(), input, caller.sourceAddress());
	}

	@SubscriptionMapping
	Flux<AccountCreatedEvent> accountCreated(@ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		return codec.received(events, viewer.tenant(), AccountCreated.class).concatMap(received -> {
			UUID key = received.event().accountKey();
			return accounts.load(viewer, java.util.List.of(key))
				.flatMap(found -> Mono.justOrEmpty(found.get(key)))
				.map(account -> new AccountCreatedEvent(received.id().toString(), account, received.occurredAt()));
		});
	}

	@Override
	public String typeName() {
		return Account.TYPE_NAME;
	}

	@Override
	public Mono<Map<UUID, Object>> load(Viewer viewer, Collection<UUID> keys) {
		return accounts.load(viewer, keys).map(Map::<UUID, Object>copyOf);
	}

	/** The schema's {@code AccountCreatedEvent}. */
	record AccountCreatedEvent(String eventId, Account account, Instant occurredAt) {
	}

	@Override
	public Set<Class<?>> liveEventRecords() {
		return Set.of(AccountCreated.class);
	}

}
