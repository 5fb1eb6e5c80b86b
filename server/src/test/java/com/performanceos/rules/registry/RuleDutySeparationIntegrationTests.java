package com.performanceos.rules.registry;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

import com.performanceos.platform.security.Role;
import com.performanceos.testsupport.IntegrationTest;

/** Incompatible duties on a version, as a tenant setting enforced on every lifecycle step, through GraphQL. */
class RuleDutySeparationIntegrationTests extends IntegrationTest {

	private static final Map<String, Object> BIG_DEAL = RulesApi.expression("amount >= 1000000",
			Map.of("amount", "MONEY"), "BOOL");

	private RulesApi as(String subject, String tenant, Role... roles) {
		return RulesApi.as("http://127.0.0.1:" + port, tokens, subject, tenant, roles);
	}

	private static GraphQlTester.Response set(RulesApi admin, List<Map<String, String>> pairs) {
		return admin.graphQl().documentName("rulesSetDutySeparation")
			.variable("input", Map.of("pairs", pairs, "justification", "audit finding 2026-07")).execute();
	}

	private static Map<String, String> pair(String first, String second) {
		return Map.of("first", first, "second", second);
	}

	@Test
	void authorAndApproverAreAlwaysApartAndTheDefaultLetsTheApproverPublish() {
		String tenant = newTenant("rules-duty-default");
		RulesApi alice = as("alice", tenant, Role.ADMIN);
		RulesApi bob = as("bob", tenant, Role.FINANCE);
		alice.graphQl().documentName("rulesDutySeparation").execute()
			.path("ruleDutySeparation.tenantSetting").entity(Boolean.class).isEqualTo(false)
			.path("ruleDutySeparation.pairs").entityList(Map.class).containsExactly(Map.of("first", "AUTHOR", "second", "APPROVER"));
		// An empty setting cannot remove the mandatory pair.
		set(alice, List.of()).path("setRuleDutySeparation.separation.pairs").entityList(Map.class)
			.containsExactly(Map.of("first", "AUTHOR", "second", "APPROVER"));
		String version = alice.created("default-sod", "EXPRESSION", RulesApi.version(BIG_DEAL, "2026-01-01", List.of())).get(1);
		alice.step("submit", version).path("submitRuleVersion.userErrors").entityList(Object.class).hasSize(0);
		alice.step("approve", version).path("approveRuleVersion.userErrors[0].code").entity(String.class).isEqualTo("SEPARATION_OF_DUTIES");
		bob.step("approve", version).path("approveRuleVersion.userErrors").entityList(Object.class).hasSize(0);
		bob.step("publish", version).path("publishRuleVersion.version.status").entity(String.class).isEqualTo("PUBLISHED");
	}

	@Test
	void approverAndPublisherApartRefusesTheApproverAndLetsAnotherPersonPublish() {
		String tenant = newTenant("rules-duty-approver-publisher");
		RulesApi alice = as("alice", tenant, Role.ADMIN);
		RulesApi bob = as("bob", tenant, Role.FINANCE);
		RulesApi carol = as("carol", tenant, Role.FINANCE);
		set(alice, List.of(pair("PUBLISHER", "APPROVER"))).path("setRuleDutySeparation.userErrors").entityList(Object.class).hasSize(0)
			.path("setRuleDutySeparation.separation.tenantSetting").entity(Boolean.class).isEqualTo(true)
			.path("setRuleDutySeparation.separation.updatedBy").entity(String.class).isEqualTo("alice")
			.path("setRuleDutySeparation.separation.pairs").entityList(Map.class)
			.containsExactly(Map.of("first", "AUTHOR", "second", "APPROVER"), Map.of("first", "APPROVER", "second", "PUBLISHER"));
		String version = alice.created("approver-publisher", "EXPRESSION", RulesApi.version(BIG_DEAL, "2026-01-01", List.of())).get(1);
		alice.step("submit", version);
		bob.step("approve", version).path("approveRuleVersion.version.approvedBy").entity(String.class).isEqualTo("bob");
		bob.step("publish", version).path("publishRuleVersion.version").valueIsNull()
			.path("publishRuleVersion.userErrors[0].code").entity(String.class).isEqualTo("SEPARATION_OF_DUTIES")
			.path("publishRuleVersion.userErrors[0].message").entity(String.class)
			.satisfies(message -> org.assertj.core.api.Assertions.assertThat(message).contains("approver").contains("publisher"));
		carol.step("publish", version).path("publishRuleVersion.version.publishedBy").entity(String.class).isEqualTo("carol");
	}

	@Test
	void authorAndPublisherApartRefusesTheAuthorEvenAsAdmin() {
		String tenant = newTenant("rules-duty-author-publisher");
		RulesApi alice = as("alice", tenant, Role.ADMIN);
		RulesApi bob = as("bob", tenant, Role.FINANCE);
		set(alice, List.of(pair("AUTHOR", "PUBLISHER"))).path("setRuleDutySeparation.userErrors").entityList(Object.class).hasSize(0);
		String version = alice.created("author-publisher", "EXPRESSION", RulesApi.version(BIG_DEAL, "2026-01-01", List.of())).get(1);
		alice.step("submit", version);
		bob.step("approve", version).path("approveRuleVersion.userErrors").entityList(Object.class).hasSize(0);
		alice.step("publish", version).path("publishRuleVersion.userErrors[0].code").entity(String.class).isEqualTo("SEPARATION_OF_DUTIES")
			.path("publishRuleVersion.userErrors[0].message").entity(String.class)
			.satisfies(message -> org.assertj.core.api.Assertions.assertThat(message).contains("author").contains("publisher"));
		// Approver and publisher are not kept apart in this tenant: bob may publish what he approved.
		bob.step("publish", version).path("publishRuleVersion.version.status").entity(String.class).isEqualTo("PUBLISHED");
	}

	@Test
	void aDutyPairedWithItselfIsRefusedAndOnlyAdminSetsTheSeparationOfItsOwnTenant() {
		String tenant = newTenant("rules-duty-invalid");
		RulesApi alice = as("alice", tenant, Role.ADMIN);
		set(alice, List.of(pair("PUBLISHER", "PUBLISHER"))).path("setRuleDutySeparation.separation").valueIsNull()
			.path("setRuleDutySeparation.userErrors[0].code").entity(String.class).isEqualTo("INVALID_INPUT");
		set(as("fiona", tenant, Role.FINANCE), List.of(pair("APPROVER", "PUBLISHER"))).errors()
			.expect(error -> "FORBIDDEN".equals(error.getExtensions().get("code"))).verify();
		set(alice, List.of(pair("APPROVER", "PUBLISHER")));
		as("olga", newTenant("rules-duty-other"), Role.AUDITOR).graphQl().documentName("rulesDutySeparation").execute()
			.path("ruleDutySeparation.tenantSetting").entity(Boolean.class).isEqualTo(false);
	}

}
