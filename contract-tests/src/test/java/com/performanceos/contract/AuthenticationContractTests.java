package com.performanceos.contract;

import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** Who may call: tokens of the Keycloak the environment started, and the ones the server must refuse. */
class AuthenticationContractTests {

	private static final String VIEWER = "{ viewer { subject tenant roles } }";

	@Test
	void passwordFlowTokenShowsTheUsersTenantAndRoles() {
		JsonNode grant = Keycloak.passwordGrant(Keycloak.CLI_CLIENT, "acme-admin");

		GraphQlHttp.post(grant.path("access_token").asText(), VIEWER).then()
			.statusCode(200)
			.body("errors", nullValue())
			.body("data.viewer.tenant", equalTo("acme"))
			.body("data.viewer.roles", contains("ADMIN"))
			.body("data.viewer.subject", not(emptyOrNullString()))
			.body("extensions.cost.limit", equalTo(10000))
			.body("extensions.cost.remaining", greaterThan(0))
			.body("extensions.cost.resetAt", notNullValue());
	}

	@Test
	void externalViewerOfTheSameTenantHoldsOnlyItsRole() {
		String token = Keycloak.accessToken(Keycloak.CLI_CLIENT, "acme-viewer");

		GraphQlHttp.post(token, VIEWER).then()
			.statusCode(200)
			.body("data.viewer.tenant", equalTo("acme"))
			.body("data.viewer.roles", contains("EXTERNAL_VIEWER"));
	}

	@Test
	void clientCredentialsTokenOfThePartnerIsAPartnerOfAcme() {
		String token = Keycloak.clientCredentialsGrant(Keycloak.PARTNER_CLIENT).path("access_token").asText();

		GraphQlHttp.post(token, VIEWER).then()
			.statusCode(200)
			.body("data.viewer.tenant", equalTo("acme"))
			.body("data.viewer.roles", containsInAnyOrder("PARTNER"));
	}

	@Test
	void tokenOfAnotherIssuerIsRefused() {
		String foreign = ForeignTokens.adminOfAcme("http://127.0.0.1:9/realms/impostor");

		assertUnauthenticated(GraphQlHttp.post(foreign, VIEWER));
	}

	@Test
	void tokenNamingTheRightIssuerButSignedByAnotherKeyIsRefused() {
		String forged = ForeignTokens.adminOfAcme(Keycloak.issuer());

		assertUnauthenticated(GraphQlHttp.post(forged, VIEWER));
	}

	@Test
	void requestWithoutTokenIsRefused() {
		assertUnauthenticated(GraphQlHttp.post(null, VIEWER));
	}

	@Test
	void expiredKeycloakTokenIsRefused() {
		JsonNode grant = Keycloak.passwordGrant(Keycloak.SHORT_LIVED_CLIENT, "acme-admin");
		String token = grant.path("access_token").asText();
		Instant expiry = Instant.now().plusSeconds(grant.path("expires_in").asLong());
		assertThat(grant.path("expires_in").asLong()).as("the short-lived client's token lifespan").isBetween(1L, 10L);
		GraphQlHttp.post(token, VIEWER).then().statusCode(200).body("data.viewer.tenant", equalTo("acme"));

		// The server allows a small clock skew (2 s in the contract environment) past the expiry.
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
			.until(() -> GraphQlHttp.post(token, VIEWER).statusCode() == 401);

		assertThat(Instant.now()).isAfter(expiry);
		assertUnauthenticated(GraphQlHttp.post(token, VIEWER));
	}

	private static void assertUnauthenticated(Response response) {
		response.then()
			.statusCode(401)
			.body("data", nullValue())
			.body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"))
			.body("errors[0].extensions.traceId", not(emptyOrNullString()));
	}

}
