package com.performanceos.rules.commissions.contests;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.performanceos.platform.security.Role;
import com.performanceos.rules.commissions.runs.CommissionsWorld;
import com.performanceos.testsupport.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A contest's leaderboard by a CEL metric, live as deals arrive in its own tenant only. */
class ContestLeaderboardIntegrationTests extends IntegrationTest {

	private static final Duration WINDOW = Duration.ofSeconds(60);

	private static final String METRIC = "stage == 'CLOSED_WON' && product == 'NewBiz' ? arr : 0";

	@Autowired
	private MeterRegistry meters;

	private static String create(CommissionsWorld world) {
		GraphQlTester.Response created = world.salesOps.documentName("salesContest").operationName("CreateContest").variable("input", Map.of(
				"idempotencyKey", "q2", "name", "Q2 new business", "startsOn", "2026-04-01", "endsOn", "2026-06-30", "metric", METRIC)).execute();
		created.path("createSalesContest.userErrors").entityList(Object.class).hasSize(0);
		return created.path("createSalesContest.contest.id").entity(String.class).get();
	}

	@Test
	void theLeaderboardRanksRepsByTheMetricAndIsPushedAgainAsDealsArrive() throws Exception {
		CommissionsWorld world = new CommissionsWorld("http://127.0.0.1:" + port, tokens, newTenant("contest"));
		world.importDeals("first", """
				N-1,ana,NewBiz,FR,30000.00,30000.00,CLOSED_WON,2026-04-10,EUR
				N-2,bob,NewBiz,FR,50000.00,50000.00,CLOSED_WON,2026-05-02,EUR
				R-1,ana,Renewal,FR,99999.00,99999.00,CLOSED_WON,2026-04-11,EUR
				L-1,cleo,NewBiz,FR,80000.00,80000.00,CLOSED_LOST,2026-04-12,EUR
				M-1,cleo,NewBiz,FR,70000.00,70000.00,CLOSED_WON,2026-03-30,EUR
				""");
		world.salesOps.documentName("salesContest").operationName("CreateContest").variable("input", Map.of("idempotencyKey", "bad", "name", "x",
				"startsOn", "2026-04-01", "endsOn", "2026-06-30", "metric", "arr > 5")).execute()
			.path("createSalesContest.userErrors[0].code").entity(String.class).isEqualTo("INVALID_INPUT")
			.path("createSalesContest.userErrors[0].field[1]").entity(String.class).isEqualTo("metric");
		String contest = create(world);

		world.as("ana-user", Role.REP).documentName("salesContest").operationName("Contest").variable("id", contest).execute()
			.path("salesContest.leaderboard.dealCount").entity(Integer.class).isEqualTo(4)
			.path("salesContest.leaderboard.standings[*].rep").entityList(String.class).containsExactly("bob", "ana")
			.path("salesContest.leaderboard.standings[1].points").entity(String.class)
			.satisfies(points -> assertThat(new BigDecimal(points)).isEqualByComparingTo("30000"));

		double openBefore = meters.get("graphql.subscriptions.active").gauge().value();
		CompletableFuture<List<Map>> pushed = subscribe(tokens.token("ana-user", world.tenant, Role.REP), contest).take(2).collectList().toFuture();
		await().atMost(WINDOW).until(() -> meters.get("graphql.subscriptions.active").gauge().value() >= openBefore + 1);
		// Deals of another tenant change nothing here; Ana's new deal takes her to the top.
		new CommissionsWorld("http://127.0.0.1:" + port, tokens, newTenant("contest-other"))
			.importDeals("other", "N-9,ana,NewBiz,FR,900000.00,900000.00,CLOSED_WON,2026-04-20,EUR\n");
		world.importDeals("second", "N-3,ana,NewBiz,FR,25000.00,25000.00,CLOSED_WON,2026-04-21,EUR\n");

		List<Map> boards = pushed.get(WINDOW.toMillis(), TimeUnit.MILLISECONDS);
		assertThat(standings(boards.get(0))).containsExactly("1 bob 50000", "2 ana 30000");
		assertThat(standings(boards.get(1))).containsExactly("1 ana 55000", "2 bob 50000");
	}

	@Test
	void anotherTenantNeitherReadsNorSubscribesToAContest() throws Exception {
		CommissionsWorld world = new CommissionsWorld("http://127.0.0.1:" + port, tokens, newTenant("contest-own"));
		String contest = create(world);
		CommissionsWorld other = new CommissionsWorld("http://127.0.0.1:" + port, tokens, newTenant("contest-stranger"));

		other.salesOps.documentName("salesContest").operationName("Contest").variable("id", contest).execute().path("salesContest").valueIsNull();
		other.salesOps.documentName("salesContest").operationName("ContestNode").variable("id", contest).execute().path("node").valueIsNull();
		world.salesOps.documentName("salesContest").operationName("ContestNode").variable("id", contest).execute()
			.path("node.name").entity(String.class).isEqualTo("Q2 new business");
		Throwable refused = subscribe(tokens.token("sam", other.tenant, Role.SALES_OPS), contest).then().map(ignored -> (Throwable) null)
			.onErrorResume(error -> Mono.just(error)).block(WINDOW);
		assertThat(refused).isNotNull().hasMessageContaining("No sales contest");
	}

	private static List<String> standings(Map<?, ?> board) {
		return ((List<Map<?, ?>>) board.get("standings")).stream()
			.map(standing -> standing.get("rank") + " " + standing.get("rep") + " " + new BigDecimal((String) standing.get("points")).stripTrailingZeros()
				.toPlainString())
			.toList();
	}

	private Flux<Map> subscribe(String token, String contest) throws IOException {
		return WebSocketGraphQlClient.builder("ws://127.0.0.1:" + port + "/graphql-ws", new ReactorNettyWebSocketClient())
			.interceptor(new WebSocketGraphQlClientInterceptor() {

				@Override
				public Mono<Object> connectionInitPayload() {
					return Mono.just(Map.of("Authorization", "Bearer " + token));
				}

			})
			.build()
			.document(new ClassPathResource("graphql-test/contestLeaderboardChanged.graphql").getContentAsString(StandardCharsets.UTF_8))
			.variable("id", contest)
			.retrieveSubscription("contestLeaderboardChanged")
			.toEntity(Map.class);
	}

}
