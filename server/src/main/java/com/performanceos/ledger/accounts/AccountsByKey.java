package com.performanceos.ledger.accounts;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import graphql.GraphQLContext;
import org.dataloader.DataLoader;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Component;

import com.performanceos.platform.security.Viewer;

/**
 * The one DataLoader of accounts by key, registered once for every request under {@link #NAME}:
 * each relation to an account (a journal line's, a bank transaction's, a rule's, a mapping's) is a
 * one-line {@code @SchemaMapping} taking a {@code DataLoader<UUID, Account> accountsByKey} parameter
 * (Spring GraphQL resolves it by that name), so the keys of a whole response level are loaded in one
 * call to the tenant's account cache instead of six hand-written key-collecting batch mappings.
 */
@Component
public final class AccountsByKey {

	/** The loader's name, which is also the parameter name that receives it in a controller method. */
	public static final String NAME = "accountsByKey";

	AccountsByKey(BatchLoaderRegistry registry, AccountService accounts) {
		registry.<UUID, Account>forName(NAME).registerMappedBatchLoader((keys, environment) -> {
			GraphQLContext context = environment.getContext();
			Viewer viewer = context.get(Viewer.CONTEXT_KEY);
			return accounts.load(viewer, keys);
		});
	}

	/** The account with this key through the request's loader; none for a relation without a key or an unknown key. */
	public static CompletableFuture<@Nullable Account> load(DataLoader<UUID, Account> accountsByKey, @Nullable UUID key) {
		return key == null ? CompletableFuture.completedFuture(null) : accountsByKey.load(key);
	}

}
