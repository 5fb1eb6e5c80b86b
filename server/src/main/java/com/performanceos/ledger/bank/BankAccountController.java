package com.performanceos.ledger.bank;

import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.performanceos.ledger.accounts.Account;
import com.performanceos.ledger.accounts.AccountsByKey;
import com.performanceos.platform.audit.AuditEntry;
import com.performanceos.platform.audit.AuditTrail;
import com.performanceos.platform.events.EventCodec;
import com.performanceos.platform.events.EventStream;
import com.performanceos.platform.events.LiveEventConsumer;
import com.performanceos.platform.graphql.Caller;
import com.performanceos.platform.graphql.Connection;
import com.performanceos.platform.graphql.Money;
import com.performanceos.platform.graphql.NodeLoader;
import com.performanceos.platform.graphql.PageRequest;
import com.performanceos.platform.security.Role;
import com.performanceos.platform.security.Viewer;
import com.performanceos.platform.tenancy.TenantDatabase;

/**
 * GraphQL edge of bank accounts, their IBAN masking, and the {@code cashPositionChanged}
 * subscription. Callers without {@link #FULL_IBAN_ROLES} get the masked IBAN, and each masked read is
 * audited: the record says who looked at which account, even though they saw only part of it.
 */
@Controller
class BankAccountController implements NodeLoader, LiveEventConsumer {

	/** Roles that read IBANs in full; everyone else allowed on the type reads them masked. */
	static final Set<Role> FULL_IBAN_ROLES = EnumSet.of(Role.ADMIN, Role.FINANCE, Role.AUDITOR);

	static final String MASKED_VIEW_ACTION = "ledger.bank_account.iban_viewed_masked";

	private final BankAccountService bankAccounts;

	private final TenantDatabase database;

	private final AuditTrail auditTrail;

	private final EventStream events;

	private final EventCodec codec;

	private final EventBankAccounts eventBankAccounts;

	BankAccountController(BankAccountService bankAccounts, TenantDatabase database, AuditTrail auditTrail,
			EventStream events, EventCodec codec, EventBankAccounts eventBankAccounts) {
		this.bankAccounts = bankAccounts;
		this.database = database;
		this.auditTrail = auditTrail;
		this.events = events;
		this.codec = codec;
		this.eventBankAccounts = eventBankAccounts;
	}

	@QueryMapping
	Mono<Connection<BankAccount>> bankAccounts(@Argument @Nullable Integer first, @Argument @Nullable String after,
			@Argument @Nullable Integer last, @Argument @Nullable String before, @ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		return bankAccounts.list(viewer, PageRequest.of(first, after, last, before));
	}

	@MutationMapping
	Mono<CreateBankAccount.Payload> createBankAccount(@Argument CreateBankAccount.Input input, Caller caller) {
		return bankAccounts.create(caller.viewer(), input, caller.sourceAddress());
	}

	@BatchMapping(typeName = "BankAccount", field = "iban")
	Mono<Map<BankAccount, String>> iban(List<BankAccount> page, GraphQLContext context) {
		Viewer viewer = context.get(Viewer.CONTEXT_KEY);
		Map<BankAccount, String> shown = new LinkedHashMap<>();
		boolean full = viewer.hasAnyRole(FULL_IBAN_ROLES);
		page.forEach(account -> shown.put(account, full ? account.clearIban().value() : account.clearIban().masked()));
		if (full) {
			return Mono.just(shown);
		}
		String sourceAddress = Caller.of(context).sourceAddress();
		return database.run(viewer.tenant(), tx -> Flux.fromIterable(new LinkedHashSet<>(page))
			.concatMap(account -> auditTrail.record(tx, new AuditEntry(viewer.subject(), MASKED_VIEW_ACTION,
					BankAccount.TYPE_NAME, account.id(), sourceAddress, null, Map.of("iban", account.clearIban().masked(), "roles",
							viewer.roles().stream().map(Role::name).sorted().toList()))))
			.then(Mono.just(shown)));
	}

	@SchemaMapping(typeName = "BankAccount", field = "ledgerAccount")
	CompletableFuture<@Nullable Account> ledgerAccount(BankAccount account, DataLoader<UUID, Account> accountsByKey) {
		return AccountsByKey.load(accountsByKey, account.ledgerAccountKey());
	}

	@SubscriptionMapping
	Flux<CashPositionChangedEvent> cashPositionChanged(@ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		return codec.received(events, viewer.tenant(), CashPositionChanged.class)
			.concatMap(received -> eventBankAccounts.of(viewer, received.id(), received.event().bankAccountKey())
				.map(account -> new CashPositionChangedEvent(received.id().toString(), account, received.event().transactionCount(),
						received.event().net(), received.occurredAt())));
	}

	@Override
	public String typeName() {
		return BankAccount.TYPE_NAME;
	}

	@Override
	public Mono<Map<UUID, Object>> load(Viewer viewer, Collection<UUID> keys) {
		return bankAccounts.load(viewer, keys).map(Map::<UUID, Object>copyOf);
	}

	/** The schema's {@code CashPositionChangedEvent}. */
	record CashPositionChangedEvent(String eventId, BankAccount bankAccount, int transactionCount, Money netChange, Instant occurredAt) {
	}

	@Override
	public Set<Class<?>> liveEventRecords() {
		return Set.of(CashPositionChanged.class);
	}

}
