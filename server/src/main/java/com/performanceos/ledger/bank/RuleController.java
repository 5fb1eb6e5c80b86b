package com.performanceos.ledger.bank;

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

/** GraphQL edge of the categorisation rules. */
@Controller
class RuleController implements NodeLoader {

	private final RuleService rules;

	RuleController(RuleService rules) {
		this.rules = rules;
	}

	@QueryMapping
	Mono<Connection<CategorizationRule>> categorizationRules(@Argument @Nullable Integer first, @Argument @Nullable String after,
			@Argument @Nullable Integer last, @Argument @Nullable String before, @ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		return rules.list(viewer, PageRequest.of(first, after, last, before));
	}

	@MutationMapping
	Mono<RuleInputs.RulePayload> createCategorizationRule(@Argument RuleInputs.CreateInput input, Caller caller) {
		return rules.create(caller.viewer(), input, caller.sourceAddress());
	}

	@MutationMapping
	Mono<RuleInputs.RulePayload> updateCategorizationRule(@Argument RuleInputs.UpdateInput input, Caller caller) {
		return rules.update(caller.viewer(), input, caller.sourceAddress());
	}

	@MutationMapping
	Mono<RuleInputs.DeletePayload> deleteCategorizationRule(@Argument RuleInputs.DeleteInput input, Caller caller) {
		return rules.delete(caller.viewer(), input, caller.sourceAddress());
	}

	@SchemaMapping(typeName = "CategorizationRule", field = "account")
	CompletableFuture<@Nullable Account> account(CategorizationRule rule, DataLoader<UUID, Account> accountsByKey) {
		return AccountsByKey.load(accountsByKey, rule.accountKey());
	}

	@Override
	public String typeName() {
		return CategorizationRule.TYPE_NAME;
	}

	@Override
	public Mono<Map<UUID, Object>> load(Viewer viewer, Collection<UUID> keys) {
		return rules.load(viewer, keys).map(Map::<UUID, Object>copyOf);
	}

}
