package com.performanceos.sdk;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.performanceos.sdk.generated.types.AccountType;
import com.performanceos.sdk.generated.types.CreateAccountErrorCode;
import com.performanceos.sdk.generated.types.CreateAccountInput;
import com.performanceos.sdk.generated.types.CreateAccountPayload;
import com.performanceos.sdk.generated.types.EntrySide;
import com.performanceos.sdk.generated.types.JournalLineInput;
import com.performanceos.sdk.generated.types.PostJournalEntryInput;
import com.performanceos.sdk.generated.types.Role;
import com.performanceos.sdk.generated.types.Viewer;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The HTTP side of the client against a stand-in server: persisted queries, throttling, errors, scalars. */
class PerformanceOsClientTests {

	private static final String VIEWER_DATA = "{\"data\":{\"viewer\":{\"subject\":\"alice\",\"tenant\":\"acme\",\"roles\":[\"ADMIN\",\"FINANCE\"]}},"
			+ "\"extensions\":{\"cost\":{\"requested\":1,\"actual\":1,\"limit\":10000,\"remaining\":9999,\"resetAt\":\"2026-01-31T10:00:00Z\"}}}";

	private final WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

	private final List<ThrottledRetry> throttled = new CopyOnWriteArrayList<>();

	@BeforeEach
	void start() {
		server.start();
	}

	@AfterEach
	void stop() {
		server.stop();
	}

	@Test
	void persistedQueryIsRegisteredOnceThenSentAsItsHashAlone() {
		String hash = Operations.VIEWER.sha256();
		server.stubFor(post("/graphql").inScenario("apq").whenScenarioStateIs(Scenario.STARTED)
			.withRequestBody(matchingJsonPath("$.query", absent()))
			.willReturn(okJson("{\"errors\":[{\"message\":\"PersistedQueryNotFound\",\"extensions\":{\"code\":\"PERSISTED_QUERY_NOT_FOUND\",\"traceId\":\"t1\"}}]}")));
		server.stubFor(post("/graphql").inScenario("apq").whenScenarioStateIs(Scenario.STARTED)
			.withRequestBody(matchingJsonPath("$.query", equalTo(Operations.VIEWER.document())))
			.withRequestBody(matchingJsonPath("$.extensions.persistedQuery.sha256Hash", equalTo(hash)))
			.willReturn(okJson(VIEWER_DATA))
			.willSetStateTo("registered"));
		server.stubFor(post("/graphql").inScenario("apq").whenScenarioStateIs("registered")
			.withRequestBody(matchingJsonPath("$.query", absent()))
			.withRequestBody(matchingJsonPath("$.extensions.persistedQuery.sha256Hash", equalTo(hash)))
			.willReturn(okJson(VIEWER_DATA)));
		PerformanceOsClient client = client().build();

		GraphQlResponse<Viewer> first = client.executeForResponse(Operations.VIEWER, Map.of());
		GraphQlResponse<Viewer> second = client.executeForResponse(Operations.VIEWER, Map.of());

		assertThat(first.attempts()).isEqualTo(2);
		assertThat(second.attempts()).isEqualTo(1);
		assertThat(second.data().getRoles()).containsExactly(Role.ADMIN, Role.FINANCE);
		assertThat(second.cost().remaining()).isEqualTo(9999);
		server.verify(3, postRequestedFor(urlEqualTo("/graphql"))
			.withHeader("Authorization", equalTo("Bearer token-1"))
			.withRequestBody(matchingJsonPath("$.operationName", equalTo("Viewer"))));
	}

	@Test
	void throttledCallIsRetriedWhenTheBudgetResets() {
		Instant resetAt = Instant.now().plusMillis(1500);
		server.stubFor(post("/graphql").inScenario("throttle").whenScenarioStateIs(Scenario.STARTED)
			.willReturn(okJson(throttledBody(resetAt)).withHeader("Retry-After", "2"))
			.willSetStateTo("refilled"));
		server.stubFor(post("/graphql").inScenario("throttle").whenScenarioStateIs("refilled").willReturn(okJson(VIEWER_DATA)));
		PerformanceOsClient client = client().throttleListener(throttled::add).build();
		long started = System.nanoTime();

		Viewer viewer = client.viewer();

		Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
		assertThat(viewer.getTenant()).isEqualTo("acme");
		assertThat(elapsed).isBetween(Duration.ofMillis(1300), Duration.ofSeconds(10));
		assertThat(throttled).singleElement().satisfies(retry -> {
			assertThat(retry.operationName()).isEqualTo("Viewer");
			assertThat(retry.retry()).isEqualTo(1);
			assertThat(retry.delay()).isBetween(Duration.ofMillis(1000), Duration.ofMillis(1500));
			assertThat(retry.cost().resetAt()).isEqualTo(resetAt);
			assertThat(retry.traceId()).isEqualTo("trace-throttled");
		});
	}

	@Test
	void throttledCallFailsOnceItsRetriesAreSpent() {
		server.stubFor(post("/graphql").willReturn(okJson(throttledBody(Instant.now().minusSeconds(1)))));
		PerformanceOsClient client = client().maxThrottleRetries(2).throttleListener(throttled::add).build();

		assertThatThrownBy(client::viewer).isInstanceOfSatisfying(PerformanceOsException.class, failure -> {
			assertThat(failure.code()).isEqualTo("THROTTLED");
			assertThat(failure.traceId()).isEqualTo("trace-throttled");
		});
		assertThat(throttled).hasSize(2);
		server.verify(3, postRequestedFor(urlEqualTo("/graphql")));
	}

	@Test
	void throttledCallAskingForALongerWaitThanAllowedFailsAtOnce() {
		server.stubFor(post("/graphql").willReturn(okJson(throttledBody(Instant.now().plusSeconds(3600)))));
		PerformanceOsClient client = client().maxThrottleWait(Duration.ofSeconds(5)).build();
		long started = System.nanoTime();

		assertThatThrownBy(client::viewer).isInstanceOfSatisfying(PerformanceOsException.class,
				failure -> assertThat(failure.code()).isEqualTo("THROTTLED"));
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
		server.verify(1, postRequestedFor(urlEqualTo("/graphql")));
	}

	@Test
	void unauthenticatedAnswerIsAnExceptionWithItsCodeStatusAndTraceId() {
		server.stubFor(post("/graphql").willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
			.withHeader("X-Trace-Id", "trace-401")
			.withBody("{\"errors\":[{\"message\":\"Not Authenticated\",\"extensions\":{\"code\":\"UNAUTHENTICATED\",\"traceId\":\"trace-401\"}}]}")));

		assertThatThrownBy(() -> client().build().viewer()).isInstanceOfSatisfying(PerformanceOsException.class, failure -> {
			assertThat(failure.code()).isEqualTo("UNAUTHENTICATED");
			assertThat(failure.httpStatus()).isEqualTo(401);
			assertThat(failure.traceId()).isEqualTo("trace-401");
			assertThat(failure.errors()).singleElement().extracting(GraphQlError::message).isEqualTo("Not Authenticated");
		});
	}

	@Test
	void fieldErrorKeepsThePartialDataInTheException() {
		server.stubFor(post("/graphql").willReturn(okJson("{\"data\":{\"viewer\":null},\"errors\":[{\"message\":\"Forbidden\","
				+ "\"path\":[\"viewer\"],\"extensions\":{\"code\":\"FORBIDDEN\",\"traceId\":\"trace-403\"}}]}")));

		assertThatThrownBy(() -> client().build().viewer()).isInstanceOfSatisfying(PerformanceOsException.class, failure -> {
			assertThat(failure.code()).isEqualTo("FORBIDDEN");
			assertThat(failure.errors().get(0).path()).containsExactly("viewer");
			assertThat(failure.data()).isNotNull();
			assertThat(failure.data().has("viewer")).isTrue();
		});
	}

	@Test
	void gatewayErrorWithoutGraphQlBodyIsAnHttpError() {
		server.stubFor(post("/graphql").willReturn(aResponse().withStatus(502).withHeader("X-Trace-Id", "trace-502")
			.withBody("<html>Bad gateway</html>")));

		assertThatThrownBy(() -> client().build().viewer()).isInstanceOfSatisfying(PerformanceOsException.class, failure -> {
			assertThat(failure.code()).isEqualTo(PerformanceOsException.HTTP_ERROR);
			assertThat(failure.httpStatus()).isEqualTo(502);
			assertThat(failure.traceId()).isEqualTo("trace-502");
		});
	}

	@Test
	void unreachableServerIsANetworkError() {
		int port = server.port();
		server.stop();

		assertThatThrownBy(() -> PerformanceOsClient.builder().url("http://127.0.0.1:" + port).tokenProvider(() -> "t")
			.build()
			.viewer()).isInstanceOfSatisfying(PerformanceOsException.class,
					failure -> assertThat(failure.code()).isEqualTo(PerformanceOsException.NETWORK_ERROR));
	}

	@Test
	void userErrorsOfAMutationAreTypedDataNotExceptions() {
		server.stubFor(post("/graphql").willReturn(okJson("{\"data\":{\"createAccount\":{\"account\":null,\"userErrors\":"
				+ "[{\"code\":\"DUPLICATE_ACCOUNT_CODE\",\"message\":\"Account 512 exists\",\"field\":[\"input\",\"code\"]}]}}}")));

		CreateAccountPayload payload = client().build().createAccount(CreateAccountInput.newBuilder().idempotencyKey("k-1")
			.code("512").name("Bank").type(AccountType.ASSET).currency("EUR").build());

		assertThat(payload.getAccount()).isNull();
		assertThat(payload.getUserErrors()).singleElement().satisfies(error -> {
			assertThat(error.getCode()).isEqualTo(CreateAccountErrorCode.DUPLICATE_ACCOUNT_CODE);
			assertThat(error.getField()).containsExactly("input", "code");
		});
		server.verify(postRequestedFor(urlEqualTo("/graphql"))
			.withRequestBody(matchingJsonPath("$.variables.input.type", equalTo("ASSET")))
			.withRequestBody(matchingJsonPath("$.variables.input.idempotencyKey", equalTo("k-1"))));
	}

	@Test
	void decimalsTravelAsStringsAndDatesAsIsoText() {
		server.stubFor(post("/graphql").willReturn(okJson("{\"data\":{\"postJournalEntry\":{\"entry\":null,\"userErrors\":[]}}}")));
		JournalLineInput debit = JournalLineInput.newBuilder().accountId("acc-1").side(EntrySide.DEBIT)
			.amount(new BigDecimal("1E+3")).currency("EUR").build();
		JournalLineInput credit = JournalLineInput.newBuilder().accountId("acc-2").side(EntrySide.CREDIT)
			.amount(new BigDecimal("1000.50")).currency("EUR").build();

		client().build().postJournalEntry(PostJournalEntryInput.newBuilder().idempotencyKey("k-2")
			.effectiveDate(LocalDate.of(2026, 1, 31)).description("Rent").lines(List.of(debit, credit)).build());

		server.verify(postRequestedFor(urlEqualTo("/graphql"))
			.withRequestBody(matchingJsonPath("$.variables.input.lines[0].amount", equalTo("1000")))
			.withRequestBody(matchingJsonPath("$.variables.input.lines[1].amount", equalTo("1000.50")))
			.withRequestBody(matchingJsonPath("$.variables.input.effectiveDate", equalTo("2026-01-31")))
			.withRequestBody(matchingJsonPath("$.variables.input.reference", absent())));
	}

	private PerformanceOsClient.Builder client() {
		return PerformanceOsClient.builder().url(server.baseUrl()).tokenProvider(() -> "token-1");
	}

	private static String throttledBody(Instant resetAt) {
		return "{\"errors\":[{\"message\":\"The cost budget of this client is spent\",\"extensions\":{\"code\":\"THROTTLED\","
				+ "\"retryAfterSeconds\":2,\"traceId\":\"trace-throttled\"}}],\"extensions\":{\"cost\":{\"requested\":4816,"
				+ "\"actual\":0,\"limit\":10000,\"remaining\":2752,\"resetAt\":\"" + resetAt + "\"}}}";
	}

}
