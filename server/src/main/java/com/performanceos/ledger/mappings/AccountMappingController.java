package com.performanceos.ledger.mappings;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import com.performanceos.ledger.accounts.Account;
import com.performanceos.ledger.accounts.AccountDirectory;
import com.performanceos.platform.graphql.Connection;
import com.performanceos.platform.graphql.NodeLoader;
import com.performanceos.platform.graphql.PageRequest;
import com.performanceos.platform.graphql.RequestContextInterceptor;
import com.performanceos.platform.security.Viewer;

/** GraphQL edge of account mappings: parse, call the service, map to the payload. */
@Controller
class AccountMappingController implements NodeLoader {

	private final AccountMappingService mappings;

	private final AccountDirectory accounts;

	AccountMappingController(AccountMappingService mappings, AccountDirectory accounts) {
		this.mappings = mappings;
		this.accounts = accounts;
	}

	@QueryMapping
	Mono<Connection<AccountMapping>> accountMappings(@Argument @Nullable String source, @Argument @Nullable Integer first,
			@Argument @Nullable String after, @Argument @Nullable Integer last, @Argument @Nullable String before,
			@ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		return mappings.list(viewer, source, PageRequest.of(first, after, last, before));
	}

	@MutationMapping
	Mono<MapAccount.Payload> mapAccount(@Argument MapAccount.Input input, @ContextValue(Viewer.CONTEXT_KEY) Viewer viewer,
			@ContextValue(name = RequestContextInterceptor.SOURCE_ADDRESS_KEY, required = false) @Nullable String sourceAddress) {
		return mappings.map(viewer, input, sourceAddress);
	}

	@BatchMapping(typeName = "AccountMapping", field = "account")
	Mono<Map<AccountMapping, Account>> account(List<AccountMapping> found, GraphQLContext context) {
		Set<UUID> keys = new LinkedHashSet<>();
		found.forEach(mapping -> keys.add(mapping.accountKey()));
		return accounts.load(context.get(Viewer.CONTEXT_KEY), keys).map(loaded -> {
			Map<AccountMapping, Account> byMapping = new LinkedHashMap<>();
			found.forEach(mapping -> {
				Account account = loaded.get(mapping.accountKey());
				if (account != null) {
					byMapping.put(mapping, account);
				}
			});
			return byMapping;
		});
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
