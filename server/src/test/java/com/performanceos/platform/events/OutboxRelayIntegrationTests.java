package com.performanceos.platform.events;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.util.unit.DataSize;
import reactor.core.publisher.Mono;

import com.performanceos.platform.analytics.AnalyticsStore;
import com.performanceos.platform.analytics.AnalyticsUnavailableException;
import com.performanceos.platform.cache.DataVersions;
import com.performanceos.platform.security.Role;
import com.performanceos.testsupport.ClickHouseTestServer;
import com.performanceos.testsupport.IntegrationTest;
import com.performanceos.testsupport.TestServices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

class OutboxRelayIntegrationTests extends IntegrationTest {

	private static final int ACCOUNTS = 12;

	/** The analytics sink's name as stored in outbox rows; the sink class is private to its module. */
	private static final String ANALYTICS_SINK = "analytics";

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	@Autowired
	AnalyticsStore analytics;

	@Autowired
	List<OutboxSink> sinks;

	@Autowired
	DataVersions dataVersions;

	@Autowired
	MeterRegistry meters;

	@Autowired
	OutboxDeliveries deliveries;

	@AfterEach
	void clickHouseIsRunningAgain() {
		ClickHouseTestServer.shared().start();
	}

	@Test
	void eventsWaitInTheOutboxWhileAnalyticsIsDownAndArriveExactlyOnceWhenItIsBack() throws Exception {
		String tenant = newTenant("relay");
		GraphQlTester admin = graphQl(tenant, Role.ADMIN);
		double failedBefore = counter("outbox.failed", ANALYTICS_SINK);
		ClickHouseTestServer.shared().stop();
		try {
			for (int i = 1; i <= ACCOUNTS; i++) {
				createAccount(admin, "k-" + i, "4110" + i).path("createAccount.userErrors").entityList(Object.class)
					.hasSize(0);
			}
			await().atMost(PATIENCE).untilAsserted(() -> {
				Pending analyticsPending = pending(tenant, ANALYTICS_SINK);
				assertThat(analyticsPending.deliveries()).isEqualTo(ACCOUNTS);
				assertThat(analyticsPending.fewestAttempts()).isPositive();
				assertThat(analyticsPending.withError()).isEqualTo(ACCOUNTS);
			});
			assertThatExceptionOfType(AnalyticsUnavailableException.class)
				.isThrownBy(() -> analytics.count(tenant, "events"));
			// A sink that is down holds back nobody else: fan-out and cache invalidation went through.
			await().atMost(PATIENCE).untilAsserted(() -> {
				assertThat(pending(tenant, RedisEventFanout.SINK_NAME).deliveries()).isZero();
				assertThat(pending(tenant, "cache").deliveries()).isZero();
			});
			assertThat(dataVersions.current(tenant).block()).isPositive();
			await().atMost(PATIENCE).untilAsserted(() -> {
				assertThat(gauge("outbox.pending", ANALYTICS_SINK)).isGreaterThanOrEqualTo(ACCOUNTS);
				assertThat(gauge("outbox.lag.seconds", ANALYTICS_SINK)).isPositive();
			});
			assertThat(counter("outbox.failed", ANALYTICS_SINK)).isGreaterThan(failedBefore);
			// Hold the deliveries back while ClickHouse comes up, to see that nothing reached it meanwhile.
			execute("UPDATE outbox_delivery SET next_attempt_at = clock_timestamp() + interval '1 hour' "
					+ "WHERE event_id IN (SELECT id FROM outbox_event WHERE tenant_id = ?)", tenant);
		}
		finally {
			ClickHouseTestServer.shared().start();
		}
		assertThat(analytics.count(tenant, "events")).isZero();

		execute("UPDATE outbox_delivery SET next_attempt_at = clock_timestamp() "
				+ "WHERE event_id IN (SELECT id FROM outbox_event WHERE tenant_id = ?)", tenant);
		await().atMost(PATIENCE).untilAsserted(() -> {
			assertThat(pending(tenant, ANALYTICS_SINK).deliveries()).isZero();
			assertThat(analytics.count(tenant, "events")).isEqualTo(ACCOUNTS);
		});
		assertThat(query("SELECT count(*) FROM outbox_event WHERE tenant_id = ?", tenant)).isZero();
		assertThat(analytics.count(tenant, "events")).isEqualTo(ACCOUNTS);
	}

	@Test
	void anEventDeliveredTwiceIsCountedOnce() throws Exception {
		String tenant = newTenant("redeliver");
		DomainEvent event = new DomainEvent(UUID.randomUUID(), tenant, "ledger.AccountCreated", Instant.now(),
				"{\"code\":\"512000\",\"type\":\"ASSET\"}");
		OutboxSink analyticsSink = sinks.stream()
			.filter(sink -> sink.name().equals(ANALYTICS_SINK))
			.findFirst()
			.orElseThrow();
		analyticsSink.deliver(List.of(event)).block(Duration.ofSeconds(30));
		analyticsSink.deliver(List.of(event, event)).block(Duration.ofSeconds(30));
		assertThat(analytics.count(tenant, "events")).isEqualTo(1);

		// The relay redelivers it too, as after a crash between the sink's acknowledgement and the commit.
		execute("INSERT INTO outbox_event (id, tenant_id, type, payload, occurred_at) "
				+ "VALUES (?::uuid, ?, ?, ?::jsonb, now())", event.id().toString(), tenant, event.type(), event.payload());
		execute("INSERT INTO outbox_delivery (event_id, sink) VALUES (?::uuid, ?)", event.id().toString(),
				ANALYTICS_SINK);
		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(query("SELECT count(*) FROM outbox_event WHERE tenant_id = ?", tenant)).isZero());
		assertThat(analytics.count(tenant, "events")).isEqualTo(1);
	}

	@Test
	void stoppingTheRelayDeliversWhatIsPendingInALastPass() throws Exception {
		String tenant = newTenant("drain");
		List<DomainEvent> received = new CopyOnWriteArrayList<>();
		OutboxSink probe = new OutboxSink() {

			@Override
			public String name() {
				return "drain-probe-" + tenant;
			}

			@Override
			public Mono<Void> deliver(List<DomainEvent> events) {
				return Mono.fromRunnable(() -> received.addAll(events));
			}

		};
		// Polls once at start, then not for an hour: only the shutdown pass can deliver what is written after the first.
		EventsProperties.Relay settings = new EventsProperties.Relay(500, DataSize.ofMegabytes(16), Duration.ofHours(1), Duration.ofSeconds(1),
				Duration.ofSeconds(60), Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofHours(1));
		OutboxRelay relay = new OutboxRelay(List.of(probe), deliveries, new EventsProperties(settings),
				new SimpleMeterRegistry());
		insertPending(tenant, probe.name());
		relay.start();
		try {
			await().atMost(PATIENCE).until(() -> received.size() == 1);
			for (int i = 0; i < 3; i++) {
				insertPending(tenant, probe.name());
			}
		}
		finally {
			CountDownLatch stopped = new CountDownLatch(1);
			relay.stop(stopped::countDown);
			assertThat(stopped.await(15, TimeUnit.SECONDS)).as("stop confirmed within the drain timeout").isTrue();
		}
		assertThat(relay.isRunning()).isFalse();
		assertThat(received).hasSize(4).allSatisfy(event -> assertThat(event.tenant()).isEqualTo(tenant));
		assertThat(query("SELECT count(*) FROM outbox_event WHERE tenant_id = ?", tenant)).isZero();
	}

	private double gauge(String name, String sink) {
		return meters.get(name).tag("sink", sink).gauge().value();
	}

	private double counter(String name, String sink) {
		return meters.get(name).tag("sink", sink).counter().count();
	}

	private static GraphQlTester.Response createAccount(GraphQlTester tester, String key, String code) {
		return tester.documentName("createAccount")
			.variable("input", Map.of("idempotencyKey", key, "code", code, "name", "Account " + code, "type", "ASSET",
					"currency", "EUR"))
			.execute();
	}

	private static Pending pending(String tenant, String sink) throws SQLException {
		try (Connection connection = TestServices.shared().superuserConnection();
				PreparedStatement select = connection.prepareStatement("""
						SELECT count(*), coalesce(min(d.attempts), 0), count(d.last_error)
						FROM outbox_delivery d JOIN outbox_event e ON e.id = d.event_id
						WHERE e.tenant_id = ? AND d.sink = ?""")) {
			select.setString(1, tenant);
			select.setString(2, sink);
			try (ResultSet rows = select.executeQuery()) {
				rows.next();
				return new Pending(rows.getLong(1), rows.getInt(2), rows.getLong(3));
			}
		}
	}

	@Test
	void aClaimStopsAtTheByteBudgetButAlwaysTakesItsFirstEvent() throws Exception {
		String tenant = newTenant("claim-bytes");
		String sink = "bytes-probe-" + tenant;
		String payload = "{\"pad\":\"" + "x".repeat(990) + "\"}";
		for (int i = 0; i < 3; i++) {
			String id = UUID.randomUUID().toString();
			execute("INSERT INTO outbox_event (id, tenant_id, type, payload, occurred_at) VALUES (?::uuid, ?, 'test.Sized', ?::json, now())",
					id, tenant, payload);
			execute("INSERT INTO outbox_delivery (event_id, sink) VALUES (?::uuid, ?)", id, sink);
		}
		// The work leaves the rows in place, so each claim sees all three again.
		assertThat(deliveries.inClaim(sink, 500, 1_500, batch -> Mono.just(batch.size())).block()).isEqualTo(2);
		assertThat(deliveries.inClaim(sink, 500, 1, batch -> Mono.just(batch.size())).block()).isEqualTo(1);
		assertThat(deliveries.inClaim(sink, 500, 1_000_000, batch -> Mono.just(batch.size())).block()).isEqualTo(3);
		assertThat(deliveries.inClaim(sink, 2, 1_000_000, batch -> Mono.just(batch.size())).block()).isEqualTo(2);
	}

	@Test
	void oneRelayAtATimeDrainsASinkSoItsEventsLeaveInCommitOrder() throws Exception {
		String tenant = newTenant("claim-order");
		String sink = "order-probe-" + tenant;
		String otherSink = "order-other-" + tenant;
		insertPending(tenant, sink);
		insertPending(tenant, sink);
		insertPending(tenant, otherSink);
		// A relay (here, of another instance) holds the sink while it delivers the first event.
		CountDownLatch holding = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		List<Integer> firstBatch = new CopyOnWriteArrayList<>();
		var first = deliveries.inClaim(sink, 1, 1_000_000, batch -> Mono.fromCallable(() -> {
			firstBatch.add(batch.size());
			holding.countDown();
			release.await(30, TimeUnit.SECONDS);
			return batch.size();
		}).subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic())).subscribe();
		try {
			assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();
			// The second event is due and unlocked, yet nobody else may hand it to the sink before the first.
			assertThat(deliveries.inClaim(sink, 500, 1_000_000, batch -> Mono.just(batch.size())).block()).isZero();
			// Other sinks are not held back.
			assertThat(deliveries.inClaim(otherSink, 500, 1_000_000, batch -> Mono.just(batch.size())).block()).isEqualTo(1);
		}
		finally {
			release.countDown();
		}
		await().atMost(PATIENCE).until(first::isDisposed);
		assertThat(firstBatch).containsExactly(1);
		assertThat(deliveries.inClaim(sink, 500, 1_000_000, batch -> Mono.just(batch.size())).block()).isEqualTo(2);
	}

	private static void insertPending(String tenant, String sink) throws SQLException {
		String id = UUID.randomUUID().toString();
		execute("INSERT INTO outbox_event (id, tenant_id, type, payload, occurred_at) "
				+ "VALUES (?::uuid, ?, 'test.Drained', '{}'::jsonb, now())", id, tenant);
		execute("INSERT INTO outbox_delivery (event_id, sink) VALUES (?::uuid, ?)", id, sink);
	}

	private static long query(String sql, String... parameters) throws SQLException {
		try (Connection connection = TestServices.shared().superuserConnection();
				PreparedStatement select = connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				select.setString(i + 1, parameters[i]);
			}
			try (ResultSet rows = select.executeQuery()) {
				rows.next();
				return rows.getLong(1);
			}
		}
	}

	private static void execute(String sql, String... parameters) throws SQLException {
		try (Connection connection = TestServices.shared().superuserConnection();
				PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setString(i + 1, parameters[i]);
			}
			statement.executeUpdate();
		}
	}

	/** The outbox deliveries of one tenant still waiting for one sink. */
	private record Pending(long deliveries, int fewestAttempts, long withError) {
	}

}
