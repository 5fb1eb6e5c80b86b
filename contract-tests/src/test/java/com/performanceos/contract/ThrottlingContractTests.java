package com.performanceos.contract;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.performanceos.sdk.GraphQlResponse;
import com.performanceos.sdk.Operation;
import com.performanceos.sdk.Operations;
import com.performanceos.sdk.PerformanceOsClient;
import com.performanceos.sdk.ThrottledRetry;
import com.performanceos.sdk.generated.types.AccountConnection;
import com.performanceos.sdk.generated.types.AccountType;
import com.performanceos.sdk.generated.types.CreateAccountInput;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that spent its budget is told to wait until {@code resetAt}, and the SDK does so and
 * retries. Only this class uses PERFORMANCEOS_THROTTLE_TOKEN, so no other test is slowed down.
 */
class ThrottlingContractTests {

	/** Accounts the tenant needs so that a page of 100 really costs 100 (unused requested cost is given back). */
	private static final int ACCOUNTS_NEEDED = 100;

	private static final int ALIASES = 16;

	/** About 4,800 units requested and spent: two calls nearly fill the 10,000-unit bucket, the third cannot fit. */
	private static final Operation<AccountConnection> EXPENSIVE = Operation.of(
			"query ContractExpensive {\n" + IntStream.range(0, ALIASES)
				.mapToObj(index -> "  a" + index + ": accounts(first: 100) { nodes { id } edges { cursor node { id } } }")
				.collect(Collectors.joining("\n")) + "\n}",
			"ContractExpensive", AccountConnection.class);

	@Test
	void throttledCallWaitsUntilResetAtAndThenSucceeds() {
		ensureAccounts();
		List<ThrottledRetry> retries = new CopyOnWriteArrayList<>();
		PerformanceOsClient client = PerformanceOsClient.builder()
			.url(ContractEnvironment.serverUrl())
			.tokenProvider(ContractEnvironment::throttleToken)
			.throttleListener(retries::add)
			.maxThrottleRetries(3)
			.maxThrottleWait(Duration.ofSeconds(30))
			.build();

		GraphQlResponse<AccountConnection> throttled = null;
		Duration elapsed = Duration.ZERO;
		Instant finishedAt = Instant.EPOCH;
		for (int call = 1; call <= 10 && throttled == null; call++) {
			int retriesBefore = retries.size();
			long started = System.nanoTime();
			GraphQlResponse<AccountConnection> response = client.executeForResponse(EXPENSIVE, Map.of());
			if (retries.size() > retriesBefore) {
				throttled = response;
				elapsed = Duration.ofNanos(System.nanoTime() - started);
				finishedAt = Instant.now();
			}
		}

		assertThat(throttled).as("a call refused with THROTTLED within 10 expensive calls").isNotNull();
		ThrottledRetry retry = retries.get(0);
		assertThat(retry.operationName()).isEqualTo("ContractExpensive");
		assertThat(retry.cost()).isNotNull();
		assertThat(retry.cost().resetAt()).isNotNull();
		assertThat(retry.delay()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(21));
		assertThat(retry.traceId()).isNotBlank();
		assertThat(elapsed).isGreaterThanOrEqualTo(retry.delay());
		assertThat(finishedAt).isAfterOrEqualTo(retry.cost().resetAt().minusMillis(50));
		assertThat(throttled.attempts()).isGreaterThanOrEqualTo(2);
		assertThat(throttled.data().getNodes()).hasSize(100);
		assertThat(throttled.cost().actual()).isGreaterThan(4000);
	}

	/** Tops the acme tenant up to {@link #ACCOUNTS_NEEDED} accounts, with the admin's token (not the throttled one). */
	private static void ensureAccounts() {
		PerformanceOsClient admin = PerformanceOsClient.builder().url(ContractEnvironment.serverUrl())
			.tokenProvider(ContractEnvironment::adminToken).build();
		int existing = admin.accounts(1, null).getTotalCount();
		for (int index = existing; index < ACCOUNTS_NEEDED; index++) {
			assertThat(admin.createAccount(CreateAccountInput.newBuilder().idempotencyKey(UniqueCodes.idempotencyKey())
				.code(UniqueCodes.accountCode("THR")).name("Throttling filler " + index).type(AccountType.ASSET)
				.currency("EUR").build()).getUserErrors()).isEmpty();
		}
		assertThat(admin.execute(Operations.ACCOUNTS, Map.of("first", 1)).getTotalCount()).isGreaterThanOrEqualTo(ACCOUNTS_NEEDED);
	}

}
