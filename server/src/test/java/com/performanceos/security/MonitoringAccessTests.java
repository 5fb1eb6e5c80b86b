package com.performanceos.security;

import org.junit.jupiter.api.Test;

import com.performanceos.platform.security.Role;
import com.performanceos.testsupport.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Monitoring endpoints tell an anonymous caller only whether the server is up: the health details
 * (disk path, Redis version) and the metrics (exception classes, paths) need a token with ADMIN.
 */
class MonitoringAccessTests extends IntegrationTest {

	@Test
	void healthWithoutATokenShowsTheStatusOnly() {
		String body = web.get().uri("/actuator/health").exchange()
			.expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
		// The probe groups' names are public anyway (Kubernetes calls them); nothing about the dependencies is.
		assertThat(body).contains("\"status\":\"UP\"").doesNotContain("components").doesNotContain("details")
			.doesNotContain("version").doesNotContain("path");
		web.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
	}

	@Test
	void healthDetailsNeedAnAdminToken() {
		String nonAdmin = web.get().uri("/actuator/health")
			.header("Authorization", "Bearer " + tokens.token(newTenant("health-rep"), Role.REP))
			.exchange()
			.expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(nonAdmin).doesNotContain("components").doesNotContain("version");
		web.get().uri("/actuator/health")
			.header("Authorization", "Bearer " + tokens.token(newTenant("health-admin"), Role.ADMIN))
			.exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.components.redis.status").isEqualTo("UP");
	}

	@Test
	void metricsNeedAnAdminToken() {
		web.get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
		web.get().uri("/actuator/metrics").exchange().expectStatus().isUnauthorized();
		web.get().uri("/actuator/prometheus")
			.header("Authorization", "Bearer " + tokens.token(newTenant("metrics-rep"), Role.REP))
			.exchange()
			.expectStatus().isForbidden();
		web.get().uri("/actuator/prometheus")
			.header("Authorization", "Bearer " + tokens.token(newTenant("metrics-admin"), Role.ADMIN))
			.exchange()
			.expectStatus().isOk();
	}

}
