package com.performanceos.rules.commissions.runs;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.springframework.graphql.client.SubscriptionErrorException;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.publisher.Mono;

import com.performanceos.platform.security.Role;
import com.performanceos.testsupport.IntegrationTest;
import com.performanceos.testsupport.TestServices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code calculationRunProgress} over WebSocket: a run over 20,000 deals (long enough to be watched while it reads,
 * computes and writes) streams its job's states, progress never going back, and ends with its final state, all lines
 * written; another tenant cannot follow it.
 */
class CalculationRunProgressIntegrationTests extends IntegrationTest {

	private static final Duration WINDOW = Duration.ofMinutes(3);

	private static final String SUBSCRIPTION = "subscription($id: ID!) { calculationRunProgress(id: $id) { status progress { done total } } }";

	private static final int DEALS = 20_000;

	@Test
	@SuppressWarnings("unchecked")
	void aRunStreamsItsProgressThenItsCompletion() throws Exception {
		CommissionsWorld world = new CommissionsWorld("http://127.0.0.1:" + port, tokens, newTenant("commissions-progress"));
		String run = startedRun(world, DEALS);

		List<Map<String, Object>> events = new CopyOnWriteArrayList<>();
		webSocket(world.tenant, Role.SALES_OPS).document(SUBSCRIPTION).variable("id", run).retrieveSubscription("calculationRunProgress")
			.toEntity(Map.class).doOnNext(event -> events.add(event)).blockLast(WINDOW);

		assertThat(events).as("at least one state while running, then the final one").hasSizeGreaterThanOrEqualTo(2);
		assertThat(events.getLast()).containsEntry("status", "SUCCEEDED");
		assertThat(events.subList(0, events.size() - 1)).extracting(event -> event.get("status")).allSatisfy(status -> assertThat(status)
			.isIn("QUEUED", "RUNNING"));
		int lines = world.finance.documentName("commissionsRun").variable("id", run).execute().path("calculationRun.lineCount").entity(Integer.class)
			.get();
		Map<String, Object> last = (Map<String, Object>) events.getLast().get("progress");
		assertThat(((Number) last.get("done")).intValue()).isEqualTo(lines);
		assertThat(((Number) last.get("total")).intValue()).isEqualTo(lines);
		List<Long> done = new ArrayList<>();
		for (Map<String, Object> event : events) {
			Map<String, Object> progress = (Map<String, Object>) event.get("progress");
			done.add(progress == null || progress.get("done") == null ? 0L : ((Number) progress.get("done")).longValue());
		}
		assertThat(done).as("progress never goes back").isSorted();
	}

	@Test
	void anotherTenantCannotFollowARun() throws Exception {
		CommissionsWorld world = new CommissionsWorld("http://127.0.0.1:" + port, tokens, newTenant("commissions-progress-owner"));
		String run = startedRun(world, 100);
		Mono<Map> other = webSocket(newTenant("commissions-progress-other"), Role.SALES_OPS).document(SUBSCRIPTION).variable("id", run)
			.retrieveSubscription("calculationRunProgress").toEntity(Map.class).next();
		assertThatThrownBy(() -> other.block(WINDOW)).isInstanceOf(SubscriptionErrorException.class)
			.satisfies(error -> assertThat(((SubscriptionErrorException) error).getErrors())
				.allSatisfy(graphQlError -> assertThat(graphQlError.getExtensions()).containsEntry("code", "NOT_FOUND")));
	}

	/** Generated sales data, a plan assigned to every rep, and a run started: answers its id. */
	private static String startedRun(CommissionsWorld world, int deals) throws Exception {
		world.importDeals("seed", "SEED-1,r000,Pro,FR,10.00,10.00,CLOSED_LOST,2026-01-15,EUR\n");
		try (Connection connection = TestServices.shared().superuserConnection()) {
			GeneratedSales.seed(connection, world.tenant, deals);
		}
		List<String> reps = new ArrayList<>();
		for (int rep = 0; rep < GeneratedSales.REPS; rep++) {
			reps.add(GeneratedSales.rep(rep));
		}
		world.assign(world.publishedPlan("AE progress", CommissionsWorld.plan("GRADUATED", Map.of())), GeneratedSales.PERIOD,
				reps.toArray(String[]::new));
		GraphQlTester.Response started = world.salesOps.documentName("commissionsStartRun")
			.variable("input", Map.of("idempotencyKey", "progress", "period", GeneratedSales.PERIOD)).execute();
		started.path("startCalculationRun.userErrors").entityList(Object.class).hasSize(0);
		return started.path("startCalculationRun.run.id").entity(String.class).get();
	}

	private WebSocketGraphQlClient webSocket(String tenant, Role role) {
		String token = tokens.token(tenant, role);
		return WebSocketGraphQlClient.builder("ws://127.0.0.1:" + port + "/graphql-ws", new ReactorNettyWebSocketClient())
			.interceptor(new WebSocketGraphQlClientInterceptor() {

				@Override
				public Mono<Object> connectionInitPayload() {
					return Mono.just(Map.of("Authorization", "Bearer " + token));
				}

			})
			.build();
	}

}
