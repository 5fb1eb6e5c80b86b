package com.performanceos.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.performanceos.platform.analytics.AnalyticsStore;
import com.performanceos.platform.security.Role;
import com.performanceos.testsupport.IntegrationTest;
import com.performanceos.testsupport.TestServices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 14, point 3: one event the analytics store cannot take must not hold back anyone's analytics. The poisoned
 * event is written straight into the outbox, together with other tenants' events in one transaction, so the relay
 * claims them as one batch (the GraphQL edge now refuses such dates, but events written before, or by any future
 * path, must not block the relay either).
 */
class OutboxPoisonEventTests extends IntegrationTest {

	/** The analytics sink's name as stored in outbox rows. */
	private static final String ANALYTICS = "analytics";

	/** The relay polls every 100 ms; this only absorbs a loaded CI machine. Without isolation they never arrive. */
	private static final Duration USUAL_DELAY = Duration.ofSeconds(30);

	private static final String ACCOUNT_CREATED = "{\"code\":\"512000\",\"type\":\"ASSET\"}";

	@Autowired
	AnalyticsStore analytics;

	@Autowired
	MeterRegistry meters;

	@Test
	void anEventAnalyticsCannotTakeIsParkedAndListedWhileOtherTenantsEventsOfItsBatchReachTheCube() throws Exception {
		String poisonedTenant = newTenant("poisoned");
		List<String> bystanders = List.of(newTenant("bystander"), newTenant("bystander"));
		double parkedBefore = meters.get("outbox.parked").tag("sink", ANALYTICS).counter().count();
		UUID poison = UUID.randomUUID();
		try (Connection connection = TestServices.shared().superuserConnection()) {
			connection.setAutoCommit(false);
			for (String bystander : bystanders) {
				insertPending(connection, UUID.randomUUID(), bystander, "now()");
			}
			// 1899 is outside the 1970-2100 both analytics engines hold: the store refuses the whole append.
			insertPending(connection, poison, poisonedTenant, "'1899-12-31T12:00:00Z'");
			for (String bystander : bystanders) {
				insertPending(connection, UUID.randomUUID(), bystander, "now()");
				insertPending(connection, UUID.randomUUID(), bystander, "now()");
			}
			connection.commit();
		}

		await().atMost(USUAL_DELAY).untilAsserted(() -> {
			for (String bystander : bystanders) {
				assertThat(analytics.count(bystander, "events")).isEqualTo(3);
			}
		});
		await().atMost(USUAL_DELAY).untilAsserted(() -> assertThat(parkedEvents(poisonedTenant)).hasSize(1));
		Map<String, Object> parked = parkedEvents(poisonedTenant).get(0);
		assertThat(parked).containsEntry("eventId", poison.toString())
			.containsEntry("eventType", "ledger.AccountCreated")
			.containsEntry("sink", ANALYTICS)
			.containsEntry("replayedAt", null);
		assertThat((String) parked.get("reason")).contains("1899-12-31");
		assertThat((Integer) parked.get("attempts")).isPositive();
		assertThat(meters.get("outbox.parked").tag("sink", ANALYTICS).counter().count()).isGreaterThan(parkedBefore);
		assertThat(analytics.count(poisonedTenant, "events")).isZero();
		// Parked events are their tenant's: another tenant's ADMIN sees none, and only ADMIN sees them at all.
		assertThat(parkedEvents(bystanders.get(0))).isEmpty();
		graphQl(poisonedTenant, Role.FINANCE).documentName("parkedEvents").execute()
			.errors().satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "FORBIDDEN")));
		replay(bystanders.get(0), (String) parked.get("id"))
			.path("replayParkedEvent.userErrors[0].code").entity(String.class).isEqualTo("PARKED_EVENT_NOT_FOUND");

		// The fix: the data. The replay then delivers the event once, however often it is asked for.
		execute("UPDATE outbox_event SET occurred_at = now() WHERE id = ?::uuid", poison.toString());
		String replayedAt = replay(poisonedTenant, (String) parked.get("id"))
			.path("replayParkedEvent.userErrors").entityList(Object.class).hasSize(0)
			.path("replayParkedEvent.parkedEvent.replayedAt").entity(String.class).get();
		assertThat(replayedAt).isNotNull();
		replay(poisonedTenant, (String) parked.get("id"))
			.path("replayParkedEvent.parkedEvent.replayedAt").entity(String.class).isEqualTo(replayedAt);
		await().atMost(USUAL_DELAY).untilAsserted(() -> {
			assertThat(analytics.count(poisonedTenant, "events")).isEqualTo(1);
			assertThat(query("SELECT count(*) FROM outbox_event WHERE id = ?::uuid", poison.toString())).isZero();
		});
		assertThat(parkedEvents(poisonedTenant)).isEmpty();
		assertThat(query("SELECT count(*) FROM audit_log WHERE tenant_id = ? AND action = 'platform.parked-event.replayed'",
				poisonedTenant)).isEqualTo(1);
	}

	private List<Map<String, Object>> parkedEvents(String tenant) {
		return graphQl(tenant, Role.ADMIN).documentName("parkedEvents").variable("first", 10).execute()
			.path("parkedEvents.nodes").entityList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
			}).get();
	}

	private org.springframework.graphql.test.tester.GraphQlTester.Response replay(String tenant, String id) {
		return graphQl(tenant, Role.ADMIN).documentName("replayParkedEvent").variable("input", Map.of("id", id)).execute();
	}

	private static void insertPending(Connection connection, UUID id, String tenant, String occurredAt) throws SQLException {
		try (PreparedStatement event = connection.prepareStatement("INSERT INTO outbox_event (id, tenant_id, type, payload, "
				+ "occurred_at) VALUES (?, ?, 'ledger.AccountCreated', ?::json, " + occurredAt + ")");
				PreparedStatement delivery = connection.prepareStatement(
						"INSERT INTO outbox_delivery (event_id, sink) VALUES (?, '" + ANALYTICS + "')")) {
			event.setObject(1, id);
			event.setString(2, tenant);
			event.setString(3, ACCOUNT_CREATED);
			event.executeUpdate();
			delivery.setObject(1, id);
			delivery.executeUpdate();
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

	private static void execute(String sql, String... parameters) throws SQLException {
		try (Connection connection = TestServices.shared().superuserConnection();
				PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setString(i + 1, parameters[i]);
			}
			statement.executeUpdate();
		}
	}

}
