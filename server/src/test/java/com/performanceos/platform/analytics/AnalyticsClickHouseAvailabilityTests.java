package com.performanceos.platform.analytics;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.performanceos.testsupport.ClickHouseTestServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** An unreachable ClickHouse is reported as retryable unavailability, and the store recovers once it is back. */
class AnalyticsClickHouseAvailabilityTests {

	@Test
	void reportsAClosedPortAsUnavailable() throws Exception {
		int closedPort;
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		try (AnalyticsStore store = store("http://127.0.0.1:" + closedPort)) {
			assertThat(store.ping()).isFalse();
			assertThatExceptionOfType(AnalyticsUnavailableException.class)
				.isThrownBy(() -> store.append(AnalyticsFixture.events("acme")))
				.withMessageContaining("unavailable");
		}
	}

	@Test
	void appendsAgainAfterTheServerRestarts() {
		ClickHouseTestServer server = ClickHouseTestServer.shared();
		String tenant = "acme-" + UUID.randomUUID();
		try (AnalyticsStore store = store(server.httpUrl())) {
			store.append(AnalyticsFixture.events(tenant).subList(0, 2));

			server.stop();
			try {
				assertThat(store.ping()).isFalse();
				assertThatExceptionOfType(AnalyticsUnavailableException.class)
					.isThrownBy(() -> store.append(AnalyticsFixture.events(tenant)));
			}
			finally {
				server.start();
			}

			assertThat(store.ping()).isTrue();
			store.append(AnalyticsFixture.events(tenant));
			assertThat(store.count(tenant, "events")).isEqualTo(14);
		}
	}

	private static AnalyticsStore store(String url) {
		return new ClickHouseAnalyticsStore(new AnalyticsProperties.ClickHouse(url, "default", "", "default",
				Duration.ofSeconds(2), Duration.ofSeconds(5)), List.of(AnalyticsFixture.SALES));
	}

}
