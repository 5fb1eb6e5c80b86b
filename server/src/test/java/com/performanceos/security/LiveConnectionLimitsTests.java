package com.performanceos.security;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.performanceos.platform.security.Role;
import com.performanceos.testsupport.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * WebSocket connections live no longer than their token, and each client (token subject) and
 * tenant holds a bounded number of connections and live subscriptions. The caps here are tiny: 2
 * connections and 2 subscriptions per client, 3 of each per tenant.
 */
@TightLimits
class LiveConnectionLimitsTests extends IntegrationTest {

	private static final String ACCOUNTS = "subscription { accountCreated { eventId account { code } } }";

	@Test
	void connectionIsClosedWith4401WhenItsTokenExpires() {
		String token = tokens.issuer().mint("short-lived", newTenant("ws-expiry"), List.of(Role.ADMIN), Duration.ofSeconds(3));
		GraphQlSocket socket = GraphQlSocket.open(port, token, List.of(GraphQlSocket.subscribe("1", ACCOUNTS))).acknowledged();

		assertThat(socket.closedByServerWithin(Duration.ofSeconds(30))).isEqualTo(4401);
	}

	@Test
	void connectionsOverTheClientOrTenantCapAreClosedWith4429() {
		String tenant = newTenant("ws-connections");
		String first = tokens.token("first", tenant, Role.ADMIN);
		GraphQlSocket one = GraphQlSocket.open(port, first, List.of()).acknowledged();
		GraphQlSocket two = GraphQlSocket.open(port, first, List.of()).acknowledged();
		assertThat(GraphQlSocket.open(port, first, List.of()).closedByServerWithin(Duration.ofSeconds(20))).isEqualTo(4429);

		GraphQlSocket three = GraphQlSocket.open(port, tokens.token("second", tenant, Role.ADMIN), List.of()).acknowledged();
		assertThat(GraphQlSocket.open(port, tokens.token("third", tenant, Role.ADMIN), List.of()).closedByServerWithin(Duration.ofSeconds(20)))
			.as("the tenant's fourth connection").isEqualTo(4429);
		GraphQlSocket elsewhere = GraphQlSocket.open(port, tokens.token("first", newTenant("ws-other"), Role.ADMIN), List.of()).acknowledged();

		one.close();
		GraphQlSocket again = GraphQlSocket.open(port, first, List.of()).acknowledged();
		for (GraphQlSocket socket : List.of(two, three, elsewhere, again)) {
			socket.close();
		}
	}

	@Test
	void subscriptionsOverTheCapAreRefusedWithATypedError() {
		String tenant = newTenant("ws-subscriptions");
		GraphQlSocket socket = GraphQlSocket.open(port, tokens.token("subscriber", tenant, Role.ADMIN), List.of(GraphQlSocket.subscribe("1", ACCOUNTS),
				GraphQlSocket.subscribe("2", ACCOUNTS), GraphQlSocket.subscribe("3", ACCOUNTS))).acknowledged();
		try {
			await().atMost(Duration.ofSeconds(20)).until(() -> socket.received().stream().anyMatch(text -> text.contains("TOO_MANY_SUBSCRIPTIONS")));
			// The three subscribe messages are handled concurrently: whichever came third is refused, the others live on.
			List<String> refusals = socket.received().stream().filter(text -> text.contains("TOO_MANY_SUBSCRIPTIONS")).toList();
			assertThat(refusals).hasSize(1);
			// Answered like a query: one result with the error and no data, then the stream completes.
			assertThat(refusals.get(0)).contains("\"data\":null").containsPattern("\"id\":\"[123]\"");
			assertThat(socket.received()).filteredOn(text -> text.contains("\"errors\"")).hasSize(1);
		}
		finally {
			socket.close();
		}

		// Closing the connection ended its subscriptions, so the client may subscribe again.
		GraphQlSocket next = GraphQlSocket.open(port, tokens.token("subscriber", tenant, Role.ADMIN), List.of(GraphQlSocket.subscribe("4", ACCOUNTS)))
			.acknowledged();
		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> next.received().stream().noneMatch(text -> text.contains("error")));
		next.close();
	}

}
