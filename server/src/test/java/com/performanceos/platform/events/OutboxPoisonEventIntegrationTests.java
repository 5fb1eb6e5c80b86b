package com.performanceos.platform.events;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.util.unit.DataSize;
import reactor.core.publisher.Mono;

import com.performanceos.platform.security.Role;
import com.performanceos.platform.security.Viewer;
import com.performanceos.testsupport.IntegrationTest;
import com.performanceos.testsupport.TestServices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The relay's contract with a sink that refuses some events: for good ({@link PermanentDeliveryFailure}) or for now.
 * Each test runs its own relay over a probe sink that only it writes deliveries for.
 */
class OutboxPoisonEventIntegrationTests extends IntegrationTest {

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	@Autowired
	OutboxDeliveries deliveries;

	@Autowired
	ParkedEvents parkedEvents;

	@Test
	void refusedEventsAreParkedAndTheRestOfTheirBatchDeliveredThenAReplayAfterAFixDeliversOnce() throws Exception {
		String tenant = newTenant("poison-probe");
		Probe probe = new Probe("poison-probe-" + tenant);
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 9; i++) {
			ids.add(UUID.randomUUID().toString());
		}
		Set<String> poisoned = Set.of(ids.get(2), ids.get(7));
		probe.refusedForGood.addAll(poisoned);
		insertPending(tenant, probe.name(), ids);
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		OutboxRelay relay = relay(probe, registry);
		relay.start();
		try {
			await().atMost(PATIENCE).untilAsserted(() -> {
				assertThat(probe.deliveredIds()).containsExactlyInAnyOrderElementsOf(
						ids.stream().filter(id -> !poisoned.contains(id)).toList());
				assertThat(query("SELECT count(*) FROM outbox_parked WHERE sink = ?", probe.name())).isEqualTo(2);
			});
			assertThat(query("SELECT count(*) FROM outbox_delivery WHERE sink = ?", probe.name())).isZero();
			// The parked events are kept for a replay; the delivered ones are gone.
			assertThat(query("SELECT count(*) FROM outbox_event WHERE tenant_id = ?", tenant)).isEqualTo(2);
			assertThat(registry.get("outbox.parked").tag("sink", probe.name()).counter().count()).isEqualTo(2);
			assertThat(registry.get("outbox.delivered").tag("sink", probe.name()).counter().count()).isEqualTo(7);
			var listed = parkedEvents.list(tenant, com.performanceos.platform.graphql.PageRequest.of(10, null, null, null), false)
				.block();
			assertThat(listed.nodes()).extracting(parked -> parked.eventId().toString())
				.containsExactlyInAnyOrderElementsOf(poisoned);
			assertThat(listed.nodes()).allSatisfy(parked -> {
				assertThat(parked.reason()).isEqualTo("probe refuses " + parked.eventId());
				assertThat(parked.attempts()).isEqualTo(1);
				assertThat(parked.replayedAt()).isNull();
			});

			// The fix: the sink now takes them. Each replay, even repeated, delivers its event once.
			probe.refusedForGood.clear();
			Viewer admin = new Viewer("admin-" + tenant, tenant, Set.of(Role.ADMIN));
			for (ParkedEvent parked : listed.nodes()) {
				assertThat(parkedEvents.replay(admin, parked.key(), null).block().replayedAt()).isNotNull();
				assertThat(parkedEvents.replay(admin, parked.key(), null).block().replayedBy()).isEqualTo(admin.subject());
			}
			await().atMost(PATIENCE).untilAsserted(() -> {
				assertThat(probe.deliveredIds()).hasSize(9).containsAll(poisoned);
				assertThat(query("SELECT count(*) FROM outbox_event WHERE tenant_id = ?", tenant)).isZero();
			});
			Thread.sleep(500);
			assertThat(probe.deliveredIds()).hasSize(9).doesNotHaveDuplicates();
		}
		finally {
			relay.stop();
		}
	}

	@Test
	void aTransientFailureParksNothingAndKeepsItsBackoff() throws Exception {
		String tenant = newTenant("transient-probe");
		Probe probe = new Probe("transient-probe-" + tenant);
		probe.down.set(true);
		insertPending(tenant, probe.name(), List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString()));
		OutboxRelay relay = relay(probe, new SimpleMeterRegistry());
		relay.start();
		try {
			await().atMost(PATIENCE).untilAsserted(() -> assertThat(query(
					"SELECT count(*) FROM outbox_delivery WHERE sink = ? AND attempts > 0 AND next_attempt_at > clock_timestamp()",
					probe.name())).isEqualTo(2));
			assertThat(query("SELECT count(*) FROM outbox_parked WHERE sink = ?", probe.name())).isZero();
			assertThat(probe.deliveredIds()).isEmpty();
			// One call per attempt for the whole batch: a sink that is down is not probed event by event (which would take
			// three calls for the first attempt of these two events).
			long attempts = query("SELECT max(attempts) FROM outbox_delivery WHERE sink = ?", probe.name());
			assertThat(probe.failedCalls.get()).isBetween((int) attempts, (int) attempts + 1);
			probe.down.set(false);
			await().atMost(PATIENCE).untilAsserted(() -> assertThat(probe.deliveredIds()).hasSize(2));
		}
		finally {
			relay.stop();
		}
	}

	@Test
	void aPartOfTheBatchThatFailsTransientlyWhileTheCulpritIsSoughtKeepsItsBackoff() throws Exception {
		String tenant = newTenant("mixed-probe");
		Probe probe = new Probe("mixed-probe-" + tenant);
		List<String> ids = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString(), UUID.randomUUID().toString(),
				UUID.randomUUID().toString());
		probe.refusedForGood.add(ids.get(1));
		probe.unavailableFor.add(ids.get(0));
		insertPending(tenant, probe.name(), ids);
		OutboxRelay relay = relay(probe, new SimpleMeterRegistry());
		relay.start();
		try {
			await().atMost(PATIENCE).untilAsserted(() -> {
				assertThat(probe.deliveredIds()).containsExactlyInAnyOrder(ids.get(2), ids.get(3));
				assertThat(query("SELECT count(*) FROM outbox_parked WHERE event_id = ?::uuid", ids.get(1))).isEqualTo(1);
				assertThat(query("SELECT count(*) FROM outbox_delivery WHERE event_id = ?::uuid AND attempts > 0 "
						+ "AND next_attempt_at > clock_timestamp() AND last_error LIKE '%unavailable%'", ids.get(0))).isEqualTo(1);
			});
			probe.unavailableFor.clear();
			await().atMost(PATIENCE).untilAsserted(() -> assertThat(probe.deliveredIds()).contains(ids.get(0)));
			assertThat(query("SELECT count(*) FROM outbox_parked WHERE sink = ?", probe.name())).isEqualTo(1);
		}
		finally {
			relay.stop();
		}
	}

	private OutboxRelay relay(OutboxSink sink, SimpleMeterRegistry registry) {
		EventsProperties.Relay settings = new EventsProperties.Relay(500, DataSize.ofMegabytes(16), Duration.ofMillis(100),
				Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(30), Duration.ofSeconds(10),
				Duration.ofSeconds(1));
		return new OutboxRelay(List.of(sink), deliveries, new EventsProperties(settings), registry);
	}

	/** Inserts the events with one pending delivery each in one transaction, so the relay claims them together. */
	private static void insertPending(String tenant, String sink, List<String> ids) throws SQLException {
		try (Connection connection = TestServices.shared().superuserConnection()) {
			connection.setAutoCommit(false);
			for (String id : ids) {
				try (PreparedStatement event = connection.prepareStatement("INSERT INTO outbox_event (id, tenant_id, type, "
						+ "payload, occurred_at) VALUES (?::uuid, ?, 'test.Probed', '{}'::jsonb, now())");
						PreparedStatement delivery = connection.prepareStatement(
								"INSERT INTO outbox_delivery (event_id, sink) VALUES (?::uuid, ?)")) {
					event.setString(1, id);
					event.setString(2, tenant);
					event.executeUpdate();
					delivery.setString(1, id);
					delivery.setString(2, sink);
					delivery.executeUpdate();
				}
			}
			connection.commit();
		}
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

	/** A sink that refuses, for good, any batch holding a listed event, and is "down" (transient) on demand. */
	private static final class Probe implements OutboxSink {

		final Set<String> refusedForGood = ConcurrentHashMap.newKeySet();

		final AtomicBoolean down = new AtomicBoolean();

		/** Events whose batch fails transiently unless it also holds an event refused for good. */
		final Set<String> unavailableFor = ConcurrentHashMap.newKeySet();

		final java.util.concurrent.atomic.AtomicInteger failedCalls = new java.util.concurrent.atomic.AtomicInteger();

		private final String name;

		private final List<DomainEvent> delivered = new CopyOnWriteArrayList<>();

		Probe(String name) {
			this.name = name;
		}

		@Override
		public String name() {
			return name;
		}

		@Override
		public Mono<Void> deliver(List<DomainEvent> events) {
			return Mono.fromRunnable(() -> {
				if (down.get()) {
					failedCalls.incrementAndGet();
					throw new IllegalStateException("probe is down");
				}
				for (DomainEvent event : events) {
					if (refusedForGood.contains(event.id().toString())) {
						throw new PermanentDeliveryFailure("probe refuses " + event.id());
					}
				}
				if (events.stream().anyMatch(event -> unavailableFor.contains(event.id().toString()))) {
					throw new IllegalStateException("probe unavailable for this batch");
				}
				delivered.addAll(events);
			});
		}

		List<String> deliveredIds() {
			return delivered.stream().map(event -> event.id().toString()).toList();
		}

	}

}
