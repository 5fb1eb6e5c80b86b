package com.performanceos.ledger.mappings;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.dataloader.DataLoader;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import com.performanceos.ledger.accounts.Account;
import com.performanceos.ledger.accounts.AccountsByKey;
import com.performanceos.platform.graphql.Caller;
import com.performanceos.platform.graphql.Connection;
import com.performanceos.platform.graphql.NodeLoader;
import com.performanceos.platform.graphql.PageRequest;
import com.performanceos.platform.security.Viewer;

/** GraphQL edge of account mappings: parse, call the service, map to the payload. */
@Controller
class AccountMappingController implements NodeLoader {

	private final AccountMappingService mappings;

	AccountMappingController(AccountMappingService mappings) {
		this.mappings = mappings;
	}

	@QueryMapping
	Mono<Connection<AccountMapping>> accountMappings(@Argument @Nullable String source, @Argument @Nullable Integer first,
			@Argument @Nullable String after, @Argument @Nullable Integer last, @Argument @Nullable String before,
			@ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		return mappings.list(viewer, source, PageRequest.of(first, after, last, before));
	}

	@MutationMapping
	Mono<MapAccount.Payload> mapAccount(@Argument MapAccount.Input input, Caller caller) {
		return mappings.map(caller.viewer(), input, caller.sourceAddress());
	}

	@SchemaMapping(typeName = "AccountMapping", field = "account")
	CompletableFuture<@Nullable Account> account(AccountMapping mapping, DataLoader<UUID, Account> accountsByKey) {
		return AccountsByKey.load(accountsByKey, mapping.accountKey());
	}

	@Override
	public String typeName() {
		return AccountMapping.TYPE_NAME;
	}

	@Override
	public Mono<Map<UUID, Object>> load(Viewer viewer, Collection<UUID> keys) {
		return mappings.load(viewer, keys).map(Map::<UUID, Object>copyOf);
	}

}
