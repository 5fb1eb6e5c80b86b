package com.performanceos.platform.limits;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.TestPropertySource;

import com.performanceos.platform.digest.Sha256;
import com.performanceos.platform.security.Role;
import com.performanceos.testsupport.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Trusted-operations mode for partners: the SDKs' operations run, anything else is refused unpriced. */
@TestPropertySource(properties = "performanceos.limits.trusted-operations-only-for=PARTNER")
class TrustedOperationsIntegrationTests extends IntegrationTest {

	@Test
	void aPartnerRunsTheShippedViewerOperationAsTheSdkSendsIt() throws IOException {
		String tenant = newTenant("trusted");
		GraphQlHttp.Answer answer = GraphQlHttp.post(web, tokens.token("partner", tenant, Role.PARTNER),
				Map.of("query", shipped("viewer.graphql"), "operationName", "Viewer"));
		assertThat(answer.json().path("errors").isMissingNode()).as(answer.text()).isTrue();
		assertThat(answer.json().path("data").path("viewer").path("tenant").asString()).isEqualTo(tenant);
		assertThat(answer.json().path("data").path("viewer").path("roles").path(0).asString()).isEqualTo("PARTNER");
	}

	@Test
	void aPartnerMayReformatTheOperationAndAskForTypenames() {
		GraphQlHttp.Answer answer = GraphQlHttp.post(web, tokens.token("partner", newTenant("trusted"), Role.PARTNER),
				Map.of("query", "query Viewer{viewer{__typename subject tenant roles}}"));
		assertThat(answer.json().path("errors").isMissingNode()).as(answer.text()).isTrue();
		assertThat(answer.json().path("data").path("viewer").path("__typename").asString()).isEqualTo("Viewer");
	}

	@Test
	void aPartnersAdHocQueryIsRefusedBeforeItIsPriced() {
		GraphQlHttp.Answer answer = GraphQlHttp.post(web, tokens.token("partner", newTenant("trusted"), Role.PARTNER),
				Map.of("query", "query Viewer { viewer { tenant } }"));
		assertThat(answer.firstErrorCode()).isEqualTo("UNTRUSTED_OPERATION");
		assertThat(answer.json().path("errors").path(0).path("message").asString()).contains("api-schema/operations");
		assertThat(answer.json().path("data").isMissingNode() || answer.json().path("data").isNull()).isTrue();
		assertThat(answer.cost().path("actual").asInt()).isZero();
	}

	@Test
	void aPartnerUsesTheShippedOperationThroughAutomaticPersistedQueries() throws IOException {
		String token = tokens.token("partner", newTenant("trusted"), Role.PARTNER);
		String query = shipped("viewer.graphql");
		Map<String, Object> hashOnly = Map.of("extensions",
				Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", Sha256.hex(query.getBytes(StandardCharsets.UTF_8)))));
		GraphQlHttp.post(web, token, Map.of("query", query, "extensions", hashOnly.get("extensions")));
		GraphQlHttp.Answer answer = GraphQlHttp.post(web, token, hashOnly);
		assertThat(answer.json().path("errors").isMissingNode()).as(answer.text()).isTrue();
		assertThat(answer.json().path("data").path("viewer").path("subject").asString()).isEqualTo("partner");
	}

	@Test
	void callersWithoutARestrictedRoleRunAnyQuery() {
		GraphQlHttp.Answer answer = GraphQlHttp.post(web, tokens.token(newTenant("trusted"), Role.ADMIN),
				Map.of("query", "{ viewer { tenant } accounts(first: 1) { totalCount } }"));
		assertThat(answer.json().path("errors").isMissingNode()).as(answer.text()).isTrue();
	}

	private static String shipped(String file) throws IOException {
		return new ClassPathResource("trusted-operations/" + file).getContentAsString(StandardCharsets.UTF_8);
	}

}
