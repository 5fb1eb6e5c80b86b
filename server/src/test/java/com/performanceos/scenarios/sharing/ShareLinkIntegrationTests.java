package com.performanceos.scenarios.sharing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

import com.performanceos.platform.digest.Sha256;
import com.performanceos.platform.security.Role;
import com.performanceos.testsupport.IntegrationTest;
import com.performanceos.testsupport.TestServices;

import static org.assertj.core.api.Assertions.assertThat;

/** Share links to a saved version through the GraphQL API: role, expiry, revocation, tenants, audit, hashed token. */
class ShareLinkIntegrationTests extends IntegrationTest {

	private static final String CREATE = "mutation($input: CreateScenarioShareLinkInput!) { createScenarioShareLink(input: $input) { "
			+ "token shareLink { id role active expiresAt version { id } } userErrors { code field } } }";

	@Test
	void aLinkOpensForItsRoleOnlyUntilRevokedAndEveryAttemptIsAudited() throws Exception {
		String tenant = newTenant("share");
		GraphQlTester finance = graphQl(tenant, Role.FINANCE);
		String version = savedVersion(finance);
		GraphQlTester.Response created = finance.document(CREATE)
			.variable("input", Map.of("versionId", version, "role", "EXTERNAL_VIEWER", "expiresAt", Instant.now().plus(7, ChronoUnit.DAYS).toString()))
			.execute();
		created.path("createScenarioShareLink.userErrors").entityList(Object.class).hasSize(0);
		created.path("createScenarioShareLink.shareLink.version.id").entity(String.class).isEqualTo(version);
		String token = created.path("createScenarioShareLink.token").entity(String.class).get();
		String link = created.path("createScenarioShareLink.shareLink.id").entity(String.class).get();

		GraphQlTester viewer = graphQl(tenant, Role.EXTERNAL_VIEWER);
		viewer.documentName("scenarioShared").variable("token", token).execute()
			.path("sharedScenarioVersion.number").entity(Integer.class).isEqualTo(1)
			.path("sharedScenarioVersion.forecast.buckets").entityList(Object.class).hasSize(13);
		// Another role of the same tenant, and the right role in another tenant, are refused.
		refused(graphQl(tenant, Role.ANALYST).documentName("scenarioShared").variable("token", token).execute(), "FORBIDDEN");
		refused(graphQl(newTenant("share-other"), Role.EXTERNAL_VIEWER).documentName("scenarioShared").variable("token", token).execute(),
				"NOT_FOUND");
		// The external viewer reaches nothing else: not the scenarios, not the version by id.
		refused(viewer.document("{ scenarios(first: 1) { totalCount } }").execute(), "FORBIDDEN");
		refused(viewer.document("query($id: ID!) { node(id: $id) { id } }").variable("id", version).execute(), "FORBIDDEN");

		String revoke = "mutation($input: RevokeScenarioShareLinkInput!) { revokeScenarioShareLink(input: $input) { shareLink { active revokedAt } "
				+ "userErrors { code } } }";
		finance.document(revoke).variable("input", Map.of("shareLinkId", link)).execute()
			.path("revokeScenarioShareLink.shareLink.active").entity(Boolean.class).isEqualTo(false);
		finance.document(revoke).variable("input", Map.of("shareLinkId", link)).execute()
			.path("revokeScenarioShareLink.userErrors[0].code").entity(String.class).isEqualTo("SHARE_LINK_ALREADY_REVOKED");
		refused(viewer.documentName("scenarioShared").variable("token", token).execute(), "FORBIDDEN");

		GraphQlTester auditor = graphQl(tenant, Role.AUDITOR);
		assertThat(auditActions(auditor, "scenarios.share.opened")).hasSize(1);
		assertThat(auditActions(auditor, "scenarios.share.refused")).hasSize(2);
		assertThat(auditActions(auditor, "scenarios.share.created")).hasSize(1);
		assertThat(auditActions(auditor, "scenarios.share.revoked")).hasSize(1);

		// Only the SHA-256 of the token is stored.
		try (Connection connection = TestServices.shared().superuserConnection(); Statement sql = connection.createStatement();
				ResultSet rows = sql.executeQuery("SELECT token_hash FROM scenarios_share_link WHERE tenant_id = '" + tenant + "'")) {
			List<String> hashes = new ArrayList<>();
			while (rows.next()) {
				hashes.add(rows.getString(1));
			}
			assertThat(hashes).containsExactly(Sha256.hex(token)).doesNotContain(token);
		}
	}

	@Test
	void anExpiredLinkIsRefusedAndLinksOutsideTheirBoundsAreNotCreated() throws Exception {
		String tenant = newTenant("expiry");
		GraphQlTester finance = graphQl(tenant, Role.FINANCE);
		String version = savedVersion(finance);
		finance.document(CREATE).variable("input", Map.of("versionId", version, "role", "ANALYST", "expiresAt", "2020-01-01T00:00:00Z")).execute()
			.path("createScenarioShareLink.userErrors[0].field[1]").entity(String.class).isEqualTo("expiresAt");
		finance.document(CREATE).variable("input", Map.of("versionId", version, "role", "ADMIN",
				"expiresAt", Instant.now().plus(1, ChronoUnit.DAYS).toString())).execute()
			.path("createScenarioShareLink.userErrors[0].field[1]").entity(String.class).isEqualTo("role");
		String token = finance.document(CREATE).variable("input", Map.of("versionId", version, "role", "ANALYST",
				"expiresAt", Instant.now().plus(1, ChronoUnit.DAYS).toString())).execute()
			.path("createScenarioShareLink.token").entity(String.class).get();
		graphQl(tenant, Role.ANALYST).documentName("scenarioShared").variable("token", token).execute()
			.path("sharedScenarioVersion.asOf").entity(String.class).isEqualTo("2026-03-02");

		// Time passes behind the server's back: the link's expiry is moved into the past.
		try (Connection connection = TestServices.shared().superuserConnection(); Statement sql = connection.createStatement()) {
			assertThat(sql.executeUpdate("UPDATE scenarios_share_link SET expires_at = now() - interval '1 second' WHERE tenant_id = '"
					+ tenant + "'")).isEqualTo(1);
		}
		refused(graphQl(tenant, Role.ANALYST).documentName("scenarioShared").variable("token", token).execute(), "FORBIDDEN");
		refused(graphQl(tenant, Role.ANALYST).documentName("scenarioShared").variable("token", "not-a-token").execute(), "NOT_FOUND");
	}

	private static String savedVersion(GraphQlTester finance) {
		Map<String, Object> input = new LinkedHashMap<>();
		input.put("idempotencyKey", "s");
		input.put("name", "Base");
		input.put("template", "BASE");
		input.put("reportingCurrency", "EUR");
		String scenario = finance.documentName("scenarioCreate").variable("input", input).execute()
			.path("createScenario.scenario.id").entity(String.class).get();
		return finance.documentName("scenarioSaveVersion")
			.variable("input", Map.of("idempotencyKey", "v", "scenarioId", scenario, "asOf", "2026-03-02")).execute()
			.path("saveScenarioVersion.version.id").entity(String.class).get();
	}

	private static List<String> auditActions(GraphQlTester auditor, String action) {
		return auditor.document("query($action: String) { auditLog(first: 50, action: $action) { nodes { action } } }")
			.variable("action", action).execute()
			.path("auditLog.nodes[*].action").entityList(String.class).get();
	}

	private static void refused(GraphQlTester.Response response, String code) {
		response.errors().satisfy(errors -> assertThat(errors).isNotEmpty()
			.allSatisfy(error -> assertThat(error.getExtensions()).containsEntry("code", code)));
	}

}
