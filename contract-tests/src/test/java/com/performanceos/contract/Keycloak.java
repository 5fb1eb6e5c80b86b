package com.performanceos.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.response.Response;

/**
 * Tokens from the environment's Keycloak, for the users and clients of the realm file it imported
 * ({@code docker/keycloak/performance-os-realm.json}, read here so the passwords live in one place).
 */
final class Keycloak {

	static final String REALM = "performance-os";

	/** The public client of the password (direct access grant) flow. */
	static final String CLI_CLIENT = "performance-os-cli";

	/** A public client whose access tokens live 3 seconds. */
	static final String SHORT_LIVED_CLIENT = "performance-os-short-lived";

	/** The confidential partner client (client credentials): tenant acme, role PARTNER. */
	static final String PARTNER_CLIENT = "partner-acme";

	private static final JsonNode REALM_FILE = readRealm();

	private Keycloak() {
	}

	static String issuer() {
		return ContractEnvironment.keycloakUrl() + "/realms/" + REALM;
	}

	/** The password flow for a user of the realm, through {@code clientId}. */
	static JsonNode passwordGrant(String clientId, String username) {
		return token(RestAssured.given()
			.formParam("grant_type", "password")
			.formParam("client_id", clientId)
			.formParam("username", username)
			.formParam("password", password(username)));
	}

	static String accessToken(String clientId, String username) {
		return passwordGrant(clientId, username).path("access_token").asText();
	}

	/** The client credentials flow of a confidential client of the realm. */
	static JsonNode clientCredentialsGrant(String clientId) {
		return token(RestAssured.given()
			.formParam("grant_type", "client_credentials")
			.formParam("client_id", clientId)
			.formParam("client_secret", secret(clientId)));
	}

	private static JsonNode token(io.restassured.specification.RequestSpecification request) {
		Response response = request.post(issuer() + "/protocol/openid-connect/token");
		if (response.statusCode() != 200) {
			throw new AssertionError("Keycloak refused the token request: HTTP " + response.statusCode() + " "
					+ response.asString());
		}
		try {
			return new ObjectMapper().readTree(response.asString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String password(String username) {
		for (JsonNode user : REALM_FILE.path("users")) {
			if (user.path("username").asText().equals(username)) {
				for (JsonNode credential : user.path("credentials")) {
					if (credential.path("type").asText().equals("password")) {
						return credential.path("value").asText();
					}
				}
			}
		}
		throw new IllegalArgumentException("The realm file has no user " + username + " with a password");
	}

	private static String secret(String clientId) {
		for (JsonNode client : REALM_FILE.path("clients")) {
			if (client.path("clientId").asText().equals(clientId) && client.hasNonNull("secret")) {
				return client.path("secret").asText();
			}
		}
		throw new IllegalArgumentException("The realm file has no confidential client " + clientId);
	}

	private static JsonNode readRealm() {
		String file = System.getProperty("performanceos.realm-file");
		if (file == null) {
			throw new IllegalStateException("System property performanceos.realm-file is not set (the contract-tests pom sets it)");
		}
		try {
			return new ObjectMapper().readTree(Path.of(file).toFile());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the realm file " + file, ex);
		}
	}

}
