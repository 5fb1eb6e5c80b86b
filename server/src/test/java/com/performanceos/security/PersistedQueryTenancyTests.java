package com.performanceos.security;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.performanceos.platform.digest.Sha256;
import com.performanceos.platform.security.Role;
import com.performanceos.testsupport.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Automatic persisted queries are kept per tenant: a hash tenant A registered must be as unknown to
 * tenant B as a hash nobody ever sent, so B can neither run A's query nor learn that it exists.
 */
class PersistedQueryTenancyTests extends IntegrationTest {

	@Test
	void anotherTenantCannotRunAPersistedQueryByItsHash() {
		String tenantA = newTenant("apq-a");
		String tenantB = newTenant("apq-b");
		String query = "query Secret { viewer { tenant } }\n# " + tenantA;
		Map<String, Object> extension = Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", Sha256.hex(query)));
		Http.Answer registered = Http.graphQl(web, tokens.token(tenantA, Role.ADMIN), Map.of("query", query, "extensions", extension));
		assertThat(registered.json().path("data").path("viewer").path("tenant").asString()).isEqualTo(tenantA);
		Http.Answer sameTenant = Http.graphQl(web, tokens.token("other-user", tenantA, Role.ANALYST), Map.of("extensions", extension));
		assertThat(sameTenant.json().path("data").path("viewer").path("tenant").asString()).isEqualTo(tenantA);

		Http.Answer otherTenant = Http.graphQl(web, tokens.token(tenantB, Role.ADMIN), Map.of("extensions", extension));
		String neverSent = Sha256.hex("never sent " + tenantB);
		Http.Answer unknown = Http.graphQl(web, tokens.token(tenantB, Role.ADMIN),
				Map.of("extensions", Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", neverSent))));

		assertThat(otherTenant.firstErrorCode()).isEqualTo("PERSISTED_QUERY_NOT_FOUND");
		assertThat(otherTenant.hasData()).isFalse();
		assertThat(otherTenant.text()).doesNotContain(tenantA);
		// Indistinguishable from a hash nobody sent: same status, same message, same code.
		assertThat(otherTenant.status()).isEqualTo(unknown.status());
		assertThat(otherTenant.json().path("errors").path(0).path("message").asString())
			.isEqualTo(unknown.json().path("errors").path(0).path("message").asString());
	}

}
