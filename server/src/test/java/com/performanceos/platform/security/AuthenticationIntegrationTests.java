package com.performanceos.platform.security;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import com.performanceos.testsupport.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class AuthenticationIntegrationTests extends IntegrationTest {

	private static final String VIEWER = "{\"query\":\"{ viewer { tenant roles subject } }\"}";

	@Test
	void viewerReflectsTheTokensTenantAndRoles() {
		graphQl("acme", Role.FINANCE, Role.ANALYST).documentName("viewer")
			.execute()
			.path("viewer.tenant").entity(String.class).isEqualTo("acme")
			.path("viewer.roles").entityList(String.class).contains("FINANCE", "ANALYST").hasSize(2)
			.path("viewer.subject").entity(String.class).isEqualTo("user-acme");
	}

	@Test
	void requestWithoutTokenIsRefusedWith401AndUnauthenticatedCode() {
		web.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).bodyValue(VIEWER)
			.exchange()
			.expectStatus().isUnauthorized()
			.expectBody()
			.jsonPath("$.errors[0].extensions.code").isEqualTo("UNAUTHENTICATED")
			.jsonPath("$.errors[0].extensions.traceId").isNotEmpty()
			.jsonPath("$.data").doesNotExist();
	}

	@Test
	void introspectionNeedsAToken() {
		web.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"query\":\"{ __schema { queryType { name } } }\"}")
			.exchange()
			.expectStatus().isUnauthorized();
	}

	@Test
	void expiredTokenIsRefused() {
		Instant past = Instant.now().minusSeconds(3600);
		String expired = tokens.issuer().sign(new JWTClaimsSet.Builder().issuer(tokens.issuer().issuer())
			.subject("late").claim("tenant", "acme").claim("roles", List.of("ADMIN"))
			.issueTime(Date.from(past.minusSeconds(60))).expirationTime(Date.from(past)).build());
		assertRefused(expired);
	}

	@Test
	void tokenFromAnotherIssuerIsRefused() {
		String foreign = tokens.issuer().sign(new JWTClaimsSet.Builder().issuer("https://evil.example")
			.subject("mallory").claim("tenant", "acme").claim("roles", List.of("ADMIN"))
			.expirationTime(Date.from(Instant.now().plusSeconds(600))).build());
		assertRefused(foreign);
	}

	@Test
	void tokenWithoutTenantIsRefused() {
		String tenantless = tokens.issuer().sign(new JWTClaimsSet.Builder().issuer(tokens.issuer().issuer())
			.subject("nobody").claim("roles", List.of("ADMIN"))
			.expirationTime(Date.from(Instant.now().plusSeconds(600))).build());
		assertRefused(tenantless);
	}

	@Test
	void tamperedTokenIsRefused() {
		String token = tokens.token("acme", Role.REP);
		String[] parts = token.split("\\.");
		String elevated = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
				new String(java.util.Base64.getUrlDecoder().decode(parts[1])).replace("\"REP\"", "\"ADMIN\"").getBytes());
		assertRefused(parts[0] + "." + elevated + "." + parts[2]);
	}

	private void assertRefused(String token) {
		byte[] body = web.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
			.header("Authorization", "Bearer " + token).bodyValue(VIEWER)
			.exchange()
			.expectStatus().isUnauthorized()
			.expectBody().returnResult().getResponseBody();
		assertThat(new String(body)).contains("UNAUTHENTICATED").doesNotContain("\"data\"");
	}

}
