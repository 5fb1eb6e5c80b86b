package com.performanceos.platform.graphql;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import com.performanceos.platform.security.Role;
import com.performanceos.testsupport.IntegrationTest;

/**
 * Errors keep the JSON shape whatever the client accepts: curl sends {@code Accept: *}{@code /*}, a
 * browser {@code application/json}; only an explicit event stream gets the SSE treatment.
 */
class ErrorResponseShapeIntegrationTests extends IntegrationTest {

	private static final String FORBIDDEN_QUERY = "{\"query\":\"{ accounts(first: 1) { totalCount } }\"}";

	@Test
	void wildcardAcceptGetsAJsonErrorDocument() {
		assertForbiddenJson(MediaType.ALL);
	}

	@Test
	void jsonAcceptGetsAJsonErrorDocument() {
		assertForbiddenJson(MediaType.APPLICATION_JSON);
	}

	@Test
	void pageSizeErrorWithWildcardAcceptIsAJsonErrorDocument() {
		web.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).accept(MediaType.ALL)
			.header("Authorization", "Bearer " + tokens.token(newTenant("shape"), Role.ADMIN))
			.bodyValue("{\"query\":\"{ accounts(first: 500) { totalCount } }\"}")
			.exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.errors[0].extensions.code").isEqualTo("BAD_USER_INPUT")
			.jsonPath("$.data.scanAvailable").doesNotExist();
	}

	private void assertForbiddenJson(MediaType accept) {
		web.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).accept(accept)
			.header("Authorization", "Bearer " + tokens.token(newTenant("shape"), Role.REP))
			.bodyValue(FORBIDDEN_QUERY)
			.exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.errors[0].extensions.code").isEqualTo("FORBIDDEN")
			.jsonPath("$.errors[0].extensions.traceId").isNotEmpty()
			.jsonPath("$.data").doesNotExist();
	}

}
