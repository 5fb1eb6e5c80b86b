package com.performanceos.security;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.performanceos.platform.security.Role;
import com.performanceos.testsupport.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cost budget is kept per tenant as well as per client: tokens minted for more subjects do
 * not multiply a tenant's budget, and one tenant spending its budget leaves the others theirs.
 * Each client here may have 30 units in flight, each tenant 60, and both drain slowly.
 */
@TightLimits
class TenantCostBucketTests extends IntegrationTest {

	/** 25 viewers: 25 units requested and 25 returned, so nothing is refunded. */
	private static final String HEAVY = "{ " + "v%d: viewer { subject } ".repeat(25).formatted(
			0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24) + "}";

	@Test
	void manySubjectsOfOneTenantShareTheTenantsBudget() {
		String tenant = newTenant("tenant-bucket");
		assertThat(heavy(tokens.token("first", tenant, Role.ADMIN)).json().path("errors").isMissingNode()).isTrue();
		assertThat(heavy(tokens.token("second", tenant, Role.ADMIN)).json().path("errors").isMissingNode()).isTrue();

		// A third subject has its own client bucket empty, but the tenant's holds 50 of 60 units.
		Http.Answer third = heavy(tokens.token("third", tenant, Role.ADMIN));
		assertThat(third.firstErrorCode()).as(third.text()).isEqualTo("THROTTLED");
		assertThat(third.hasData()).isFalse();
		assertThat(third.json().path("errors").path(0).path("extensions").path("retryAfterSeconds").asLong()).isPositive();
		assertThat(third.json().path("extensions").path("cost").path("limit").asInt()).as("the tenant's bucket is reported").isEqualTo(60);

		Http.Answer otherTenant = heavy(tokens.token("third", newTenant("tenant-bucket-other"), Role.ADMIN));
		assertThat(otherTenant.json().path("errors").isMissingNode()).as(otherTenant.text()).isTrue();
		assertThat(otherTenant.json().path("extensions").path("cost").path("limit").asInt()).as("the client's bucket binds").isEqualTo(30);
	}

	private Http.Answer heavy(String token) {
		return Http.graphQl(web, token, Map.of("query", HEAVY));
	}

}
