package com.performanceos.rules.registry;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

import com.performanceos.platform.security.Role;
import com.performanceos.testsupport.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may do what in the registry, and that a tenant sees nothing of another's rules. */
class RuleAccessIntegrationTests extends IntegrationTest {

	private static final Map<String, Object> RULE = RulesApi.version(RulesApi.expression("amount >= 100", Map.of("amount", "MONEY"), "BOOL"),
			"2026-01-01", List.of());

	private RulesApi as(String subject, String tenant, Role... roles) {
		return RulesApi.as("http://127.0.0.1:" + port, tokens, subject, tenant, roles);
	}

	@Test
	void salesOpsAuthorsFinanceApprovesAuditorReadsEverythingAndRepAndVendorReadNothing() {
		String tenant = newTenant("rules-roles");
		RulesApi salesOps = as("sam", tenant, Role.SALES_OPS);
		RulesApi finance = as("fiona", tenant, Role.FINANCE);
		RulesApi auditor = as("audrey", tenant, Role.AUDITOR);
		List<String> rule = salesOps.created("threshold", "EXPRESSION", RULE);

		forbidden(finance.createRule("f", "by-finance", "EXPRESSION", RULE));
		forbidden(auditor.createRule("a", "by-auditor", "EXPRESSION", RULE));
		salesOps.step("submit", rule.get(1));
		forbidden(salesOps.step("approve", rule.get(1)));
		forbidden(auditor.step("approve", rule.get(1)));
		finance.step("approve", rule.get(1)).path("approveRuleVersion.version.status").entity(String.class).isEqualTo("APPROVED");
		forbidden(salesOps.step("publish", rule.get(1)));
		finance.step("publish", rule.get(1)).path("publishRuleVersion.version.status").entity(String.class).isEqualTo("PUBLISHED");

		auditor.graphQl().documentName("rulesList").execute().path("rules.totalCount").entity(Integer.class).isEqualTo(1)
			.path("rules.nodes[0].versions[0].status").entity(String.class).isEqualTo("PUBLISHED");
		auditor.graphQl().documentName("rulesTest").variable("versionId", rule.get(1)).execute()
			.path("testRule.passed").entity(Boolean.class).isEqualTo(true);
		auditor.evaluate(Map.of("ruleId", rule.get(0), "asOf", "2026-02-01", "inputs", List.of(Map.of("amount", 150))))
			.path("evaluateRule.results[0].outputJson").entity(String.class).isEqualTo("true");

		for (Role outsider : List.of(Role.REP, Role.VENDOR)) {
			RulesApi reader = as("outsider", tenant, outsider);
			forbidden(reader.graphQl().documentName("rulesList").execute());
			forbidden(reader.evaluate(Map.of("ruleId", rule.get(0), "inputs", List.of(Map.of("amount", 1)))));
			forbidden(reader.graphQl().documentName("rulesHistory").variable("ruleId", rule.get(0)).execute());
			forbidden(reader.graphQl().documentName("rulesTest").variable("versionId", rule.get(1)).execute());
			forbidden(reader.graphQl().documentName("rulesNode").variable("id", rule.get(0)).execute());
			forbidden(reader.createRule("o", "by-outsider", "EXPRESSION", RULE));
		}
	}

	@Test
	void anotherTenantSeesNothingOfARuleThroughAnyFieldNorNodeId() {
		String tenantA = newTenant("rules-a");
		String tenantB = newTenant("rules-b");
		RulesApi a = as("sam", tenantA, Role.ADMIN);
		RulesApi b = as("sam", tenantB, Role.ADMIN);
		List<String> rule = a.created("secret-rate", "EXPRESSION", RULE);
		as("fiona", tenantA, Role.FINANCE).publishedBy(a, rule.get(1));

		a.graphQl().documentName("rulesNode").variable("id", rule.get(0)).execute().path("node.name").entity(String.class).isEqualTo("secret-rate");
		for (String id : rule) {
			b.graphQl().documentName("rulesNode").variable("id", id).execute().path("node").valueIsNull();
		}
		b.graphQl().documentName("rulesList").execute().path("rules.totalCount").entity(Integer.class).isEqualTo(0);
		b.graphQl().documentName("rulesHistory").variable("ruleId", rule.get(0)).execute().path("ruleHistory.nodes").entityList(Object.class)
			.hasSize(0);
		b.evaluate(Map.of("ruleId", rule.get(0), "asOf", "2026-02-01", "inputs", List.of(Map.of("amount", 150))))
			.path("evaluateRule.results").entityList(Object.class).hasSize(0)
			.path("evaluateRule.userErrors[0].code").entity(String.class).isEqualTo("NO_VERSION_IN_FORCE");
		b.evaluateVersion(rule.get(0), 1, List.of(Map.of("amount", 150)))
			.path("evaluateRule.userErrors[0].code").entity(String.class).isEqualTo("VERSION_NOT_FOUND");
		b.graphQl().documentName("rulesTest").variable("versionId", rule.get(1)).execute()
			.path("testRule.userErrors[0].code").entity(String.class).isEqualTo("VERSION_NOT_FOUND");
		for (String step : List.of("submit", "approve", "publish", "retire", "sendBack")) {
			b.step(step, rule.get(1)).path(step + "RuleVersion.userErrors[0].code").entity(String.class).isEqualTo("VERSION_NOT_FOUND");
		}
		b.rollback("rb", rule.get(1)).path("rollbackRule.userErrors[0].code").entity(String.class).isEqualTo("VERSION_NOT_FOUND");
		b.createVersion("v", rule.get(0), RULE).path("createRuleVersion.userErrors[0].code").entity(String.class).isEqualTo("RULE_NOT_FOUND");
		// The name is free in B: uniqueness is per tenant, and nothing of A leaks through it.
		b.created("secret-rate", "EXPRESSION", RULE);
	}

	private static void forbidden(GraphQlTester.Response response) {
		response.errors().satisfy(errors -> assertThat(errors).isNotEmpty()
			.allSatisfy(error -> assertThat(error.getExtensions()).containsEntry("code", "FORBIDDEN")));
	}

}
