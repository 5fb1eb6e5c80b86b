package com.performanceos.security;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;

import com.performanceos.platform.security.Role;
import com.performanceos.testsupport.IntegrationTest;
import com.performanceos.testsupport.TestServices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A request whose client goes away stops executing, down to the database: its query is cancelled
 * in PostgreSQL rather than left to run (or wait) for nobody. The query is made to wait on a table
 * lock held by the test, so it is certainly still running when the client disconnects, and it
 * would wait as long as the lock is held if nothing cancelled it.
 */
class ClientDisconnectTests extends IntegrationTest {

	private static final String WAITING_QUERIES = "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
			+ "AND query ILIKE '%ledger_account%' AND backend_type = 'client backend'";

	@Autowired
	private MeterRegistry meters;

	@Test
	void disconnectedClientCancelsTheOperationAndItsDatabaseQuery() throws SQLException {
		String tenant = newTenant("disconnect");
		String token = tokens.token(tenant, Role.ADMIN);
		double before = cancelledBecauseClientLeft();
		try (Connection lock = TestServices.shared().superuserConnection(); Connection observer = TestServices.shared().superuserConnection()) {
			lock.setAutoCommit(false);
			try (Statement statement = lock.createStatement()) {
				statement.execute("LOCK TABLE ledger_account IN ACCESS EXCLUSIVE MODE");
			}
			Disposable request = WebClient.create("http://127.0.0.1:" + port)
				.post()
				.uri("/graphql")
				.header("Authorization", "Bearer " + token)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("query", "{ accounts(first: 5) { totalCount nodes { code } } }"))
				.retrieve()
				.bodyToMono(String.class)
				.subscribe();
			await().atMost(Duration.ofSeconds(30)).until(() -> count(observer, WAITING_QUERIES) == 1);

			request.dispose();

			// The lock is still held: only a cancellation can end the query's wait.
			await().atMost(Duration.ofSeconds(15)).until(() -> count(observer, WAITING_QUERIES) == 0);
			assertThat(cancelledBecauseClientLeft()).isGreaterThan(before);
			lock.rollback();
		}
		Http.Answer after = Http.graphQl(web, token, Map.of("query", "{ accounts(first: 1) { totalCount } }"));
		assertThat(after.json().path("data").path("accounts").path("totalCount").isNumber()).as(after.text()).isTrue();
	}

	private double cancelledBecauseClientLeft() {
		var counter = meters.find("graphql.request.cancelled").tag("reason", "client-gone").counter();
		return counter != null ? counter.count() : 0;
	}

	private static long count(Connection connection, String query) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
			rows.next();
			return rows.getLong(1);
		}
	}

}
