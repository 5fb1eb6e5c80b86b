package com.performanceos.contract;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import com.performanceos.sdk.GraphQlResponse;
import com.performanceos.sdk.Operation;
import com.performanceos.sdk.PerformanceOsClient;
import com.performanceos.sdk.PerformanceOsException;
import com.performanceos.sdk.generated.types.Account;
import com.performanceos.sdk.generated.types.AccountConnection;
import com.performanceos.sdk.generated.types.AccountCreatedEvent;
import com.performanceos.sdk.generated.types.AccountType;
import com.performanceos.sdk.generated.types.CreateAccountErrorCode;
import com.performanceos.sdk.generated.types.CreateAccountInput;
import com.performanceos.sdk.generated.types.CreateAccountPayload;
import com.performanceos.sdk.generated.types.Role;
import com.performanceos.sdk.generated.types.Viewer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Java SDK against the running server: typed queries, mutations, subscriptions and persisted queries. */
class JavaSdkContractTests {

	private final PerformanceOsClient client = PerformanceOsClient.builder()
		.url(ContractEnvironment.serverUrl())
		.tokenProvider(ContractEnvironment::adminToken)
		.build();

	@Test
	void queryReturnsTheTypedViewer() {
		Viewer viewer = client.viewer();

		assertThat(viewer.getTenant()).isEqualTo("acme");
		assertThat(viewer.getRoles()).containsExactly(Role.ADMIN);
		assertThat(viewer.getSubject()).isNotBlank();
	}

	@Test
	void mutationCreatesAnAccountThatTheQueryPagesThrough() {
		CreateAccountInput input = accountInput(UniqueCodes.idempotencyKey(), UniqueCodes.accountCode("SDK"), "SDK account");

		CreateAccountPayload payload = client.createAccount(input);

		assertThat(payload.getUserErrors()).isEmpty();
		Account account = payload.getAccount();
		assertThat(account.getId()).isNotBlank();
		assertThat(account.getCode()).isEqualTo(input.getCode());
		assertThat(account.getType()).isEqualTo(AccountType.ASSET);
		assertThat(account.getCurrency()).isEqualTo("EUR");
		assertThat(account.getCreatedAt()).isNotNull();
		AccountConnection page = client.accounts(100, null);
		assertThat(page.getTotalCount()).isPositive();
		assertThat(page.getNodes()).hasSizeLessThanOrEqualTo(100);
	}

	@Test
	void replayedMutationReturnsTheOriginalAndAConflictingOneAUserError() {
		String key = UniqueCodes.idempotencyKey();
		CreateAccountInput input = accountInput(key, UniqueCodes.accountCode("RPL"), "Replayed account");
		Account original = client.createAccount(input).getAccount();

		CreateAccountPayload replay = client.createAccount(input);
		CreateAccountPayload conflict = client.createAccount(accountInput(key, input.getCode(), "Another name"));
		CreateAccountPayload duplicate = client.createAccount(accountInput(UniqueCodes.idempotencyKey(), input.getCode(), "Same code"));

		assertThat(replay.getUserErrors()).isEmpty();
		assertThat(replay.getAccount().getId()).isEqualTo(original.getId());
		assertThat(conflict.getAccount()).isNull();
		assertThat(conflict.getUserErrors()).singleElement()
			.satisfies(error -> assertThat(error.getCode()).isEqualTo(CreateAccountErrorCode.IDEMPOTENCY_CONFLICT));
		assertThat(duplicate.getAccount()).isNull();
		assertThat(duplicate.getUserErrors()).singleElement().satisfies(error -> {
			assertThat(error.getCode()).isEqualTo(CreateAccountErrorCode.DUPLICATE_ACCOUNT_CODE);
			assertThat(error.getMessage()).isNotBlank();
		});
	}

	@Test
	void subscriptionReceivesTheAccountCreatedAfterSubscribing() throws InterruptedException {
		EventCollector<AccountCreatedEvent> events = new EventCollector<>();
		client.accountCreated().subscribe(events);
		Map<String, Account> created = new HashMap<>();
		try {
			@Nullable AccountCreatedEvent received = null;
			// The server starts the subscription a moment after the socket opens; accounts created
			// before that are not delivered, so create one a second until one arrives (at most 15).
			for (int attempt = 1; attempt <= 15 && received == null; attempt++) {
				Account account = client.createAccount(accountInput(UniqueCodes.idempotencyKey(),
						UniqueCodes.accountCode("SUB"), "Subscribed account " + attempt)).getAccount();
				created.put(account.getId(), account);
				received = nextOf(events, created);
			}

			assertThat(received).as("an accountCreated event for one of " + created.keySet()).isNotNull();
			Account account = created.get(received.getAccount().getId());
			assertThat(received.getEventId()).isNotBlank();
			assertThat(received.getOccurredAt()).isNotNull();
			assertThat(received.getAccount().getCode()).isEqualTo(account.getCode());
			assertThat(received.getAccount().getName()).isEqualTo(account.getName());
			assertThat(received.getAccount().getType()).isEqualTo(AccountType.ASSET);
			assertThat(events.failure()).isNull();
		}
		finally {
			events.cancel();
		}
	}

	@Test
	void persistedQueryIsRegisteredOnceThenSentAsItsHash() {
		// A document no one sent before, so the server cannot know its hash yet.
		String name = "ApqProbe" + UniqueCodes.random(12);
		Operation<Viewer> probe = Operation.of("query " + name + " { viewer { tenant roles } }", name, Viewer.class);

		GraphQlResponse<Viewer> first = client.executeForResponse(probe, Map.of());
		GraphQlResponse<Viewer> second = client.executeForResponse(probe, Map.of());

		assertThat(first.attempts()).as("hash refused, then hash and document").isEqualTo(2);
		assertThat(second.attempts()).as("hash alone").isEqualTo(1);
		assertThat(second.data().getTenant()).isEqualTo("acme");
		assertThat(second.cost().limit()).isEqualTo(10000);
		assertThat(second.traceId()).isNotBlank();
	}

	@Test
	void refusedTokenIsATypedExceptionWithCodeAndTraceId() {
		PerformanceOsClient intruder = PerformanceOsClient.builder().url(ContractEnvironment.serverUrl())
			.tokenProvider(() -> ForeignTokens.adminOfAcme(Keycloak.issuer()))
			.build();

		assertThatThrownBy(intruder::viewer).isInstanceOfSatisfying(PerformanceOsException.class, failure -> {
			assertThat(failure.code()).isEqualTo("UNAUTHENTICATED");
			assertThat(failure.httpStatus()).isEqualTo(401);
			assertThat(failure.traceId()).isNotBlank();
		});
	}

	private static @Nullable AccountCreatedEvent nextOf(EventCollector<AccountCreatedEvent> events, Map<String, Account> created)
			throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
		while (System.nanoTime() < deadline) {
			AccountCreatedEvent event = events.next(Duration.ofMillis(200));
			if (event != null && created.containsKey(event.getAccount().getId())) {
				return event;
			}
		}
		return null;
	}

	private static CreateAccountInput accountInput(String key, String code, String name) {
		return CreateAccountInput.newBuilder().idempotencyKey(key).code(code).name(name).type(AccountType.ASSET)
			.currency("EUR").build();
	}

}
