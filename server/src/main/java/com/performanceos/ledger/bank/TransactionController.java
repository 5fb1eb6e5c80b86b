package com.performanceos.ledger.bank;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import graphql.GraphQLContext;
import org.dataloader.DataLoader;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import com.performanceos.ledger.accounts.Account;
import com.performanceos.ledger.accounts.AccountsByKey;
import com.performanceos.platform.graphql.BatchMaps;
import com.performanceos.platform.graphql.Caller;
import com.performanceos.platform.graphql.Connection;
import com.performanceos.platform.graphql.NodeLoader;
import com.performanceos.platform.graphql.PageRequest;
import com.performanceos.platform.security.Viewer;

/** GraphQL edge of bank transactions: listings, the unmatched queue and manual categorisation. */
@Controller
class TransactionController implements NodeLoader {

	private final TransactionService transactions;

	private final BankAccountService bankAccounts;

	private final RuleService rules;

	TransactionController(TransactionService transactions, BankAccountService bankAccounts, RuleService rules) {
		this.transactions = transactions;
		this.bankAccounts = bankAccounts;
		this.rules = rules;
	}

	@QueryMapping
	Mono<Connection<BankTransaction>> bankTransactions(@Argument @Nullable String bankAccountId,
			@Argument BankTransaction.@Nullable BankTransactionStatus status, @Argument @Nullable Integer first,
			@Argument @Nullable String after, @Argument @Nullable Integer last, @Argument @Nullable String before,
			@ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		return transactions.list(viewer, PageRequest.of(first, after, last, before), bankAccountId, status);
	}

	@QueryMapping
	Mono<Connection<BankTransaction>> unmatchedBankTransactions(@Argument @Nullable String bankAccountId, @Argument @Nullable Integer first,
			@Argument @Nullable String after, @Argument @Nullable Integer last, @Argument @Nullable String before,
			@ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		return transactions.list(viewer, PageRequest.of(first, after, last, before), bankAccountId,
				BankTransaction.BankTransactionStatus.UNMATCHED);
	}

	@MutationMapping
	Mono<TransactionService.CategorizePayload> categorizeBankTransaction(@Argument TransactionService.CategorizeInput input, Caller caller) {
		return transactions.categorize(caller.viewer(), input, caller.sourceAddress());
	}

	@BatchMapping(typeName = "BankTransaction", field = "bankAccount")
	Mono<Map<BankTransaction, BankAccount>> bankAccount(List<BankTransaction> page, GraphQLContext context) {
		return BatchMaps.toOne(page, BankTransaction::bankAccountKey, keys -> bankAccounts.load(context.get(Viewer.CONTEXT_KEY), keys));
	}

	@SchemaMapping(typeName = "BankTransaction", field = "account")
	CompletableFuture<@Nullable Account> account(BankTransaction transaction, DataLoader<UUID, Account> accountsByKey) {
		return AccountsByKey.load(accountsByKey, transaction.accountKey());
	}

	@BatchMapping(typeName = "BankTransaction", field = "rule")
	Mono<Map<BankTransaction, CategorizationRule>> rule(List<BankTransaction> page, GraphQLContext context) {
		return BatchMaps.toOne(page, BankTransaction::ruleKey, keys -> rules.load(context.get(Viewer.CONTEXT_KEY), keys));
	}

	@Override
	public String typeName() {
		return BankTransaction.TYPE_NAME;
	}

	@Override
	public Mono<Map<UUID, Object>> load(Viewer viewer, Collection<UUID> keys) {
		return transactions.load(viewer, keys).map(Map::<UUID, Object>copyOf);
	}

}
