package com.performanceos.rules.registry;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

import com.performanceos.platform.security.Role;
import com.performanceos.testsupport.IntegrationTest;

/** {@code Rule.versionsConnection}: a rule's versions a page at a time, by number, through GraphQL. */
class RuleVersionPagingIntegrationTests extends IntegrationTest {

	private static GraphQlTester.Response page(RulesApi api, String rule, Map<String, Object> arguments) {
		GraphQlTester.Request<?> request = api.graphQl().documentName("rulesVersionsPage").variable("id", rule);
		for (Map.Entry<String, Object> argument : arguments.entrySet()) {
			request = request.variable(argument.getKey(), argument.getValue());
		}
		return request.execute();
	}

	@Test
	void versionsPageForwardAndBackwardByNumberWithTheTotalAndRefuseMoreThanOneHundred() {
		String tenant = newTenant("rules-version-pages");
		RulesApi sam = RulesApi.as("http://127.0.0.1:" + port, tokens, "sam", tenant, Role.SALES_OPS);
		Map<String, Object> definition = RulesApi.expression("amount > 0", Map.of("amount", "MONEY"), "BOOL");
		String rule = sam.created("paged", "EXPRESSION", RulesApi.version(definition, "2026-01-01", List.of())).get(0);
		for (int i = 2; i <= 5; i++) {
			sam.createVersion("v" + i, rule, RulesApi.version(definition, "2026-01-0" + i, List.of()))
				.path("createRuleVersion.userErrors").entityList(Object.class).hasSize(0);
		}

		GraphQlTester.Response first = page(sam, rule, Map.of("first", 2));
		first.path("node.versionsConnection.totalCount").entity(Integer.class).isEqualTo(5)
			.path("node.versionsConnection.nodes[*].number").entityList(Integer.class).containsExactly(1, 2)
			.path("node.versionsConnection.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true)
			.path("node.versionsConnection.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(false)
			.path("node.versionsConnection.edges[0].node.status").entity(String.class).isEqualTo("DRAFT");
		String end = first.path("node.versionsConnection.pageInfo.endCursor").entity(String.class).get();
		page(sam, rule, Map.of("first", 2, "after", end))
			.path("node.versionsConnection.nodes[*].number").entityList(Integer.class).containsExactly(3, 4)
			.path("node.versionsConnection.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true)
			.path("node.versionsConnection.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(true);
		page(sam, rule, Map.of("last", 2))
			.path("node.versionsConnection.nodes[*].number").entityList(Integer.class).containsExactly(4, 5)
			.path("node.versionsConnection.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
		Map<String, Object> tooMany = new HashMap<>();
		tooMany.put("first", 101);
		page(sam, rule, tooMany).errors().expect(error -> error.getMessage() != null && error.getMessage().contains("between 0 and 100"))
			.verify();
	}

}
