package com.performanceos.contract;

/**
 * The running environment the tests drive, as {@code scripts/contract-env.sh} exports it. A missing
 * variable fails the test with the way to get one: these tests never skip silently.
 */
final class ContractEnvironment {

	private ContractEnvironment() {
	}

	/** The server's base URL, e.g. {@code http://127.0.0.1:18083}. */
	static String serverUrl() {
		return require("PERFORMANCEOS_URL");
	}

	/** A bearer token of an ADMIN of tenant acme (from Keycloak's password flow). */
	static String adminToken() {
		return require("PERFORMANCEOS_TOKEN");
	}

	/** A bearer token of another ADMIN of tenant acme, whose budget only the throttling tests spend. */
	static String throttleToken() {
		return require("PERFORMANCEOS_THROTTLE_TOKEN");
	}

	/** Keycloak's base URL, e.g. {@code http://127.0.0.1:18180}. */
	static String keycloakUrl() {
		return require("KEYCLOAK_URL");
	}

	/** WireMock's base URL, which stands in for the bank aggregator at {@code /bank-aggregator}. */
	static String wireMockUrl() {
		return require("WIREMOCK_URL");
	}

	private static String require(String name) {
		String value = System.getenv(name);
		if (value == null || value.isBlank()) {
			throw new IllegalStateException(name + " is not set. The contract tests run against the environment "
					+ "scripts/contract-env.sh starts: run scripts/contract-tests.sh, or "
					+ "`eval \"$(scripts/contract-env.sh start)\"` and then "
					+ "./mvnw -pl contract-tests -am verify -Pcontract -Dtest='*ContractTests' -Dsurefire.failIfNoSpecifiedTests=false");
		}
		return value.replaceAll("/+$", "");
	}

}
