package com.performanceos.rules.proposals;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import com.performanceos.platform.ai.AiIntegrationTest;
import com.performanceos.platform.security.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The monthly budget: an alert past +10 %, a block past +20 % with AI_BUDGET_EXCEEDED, each announced once. */
class AiBudgetIntegrationTests extends AiIntegrationTest {

	private static final String SENTENCE = "10 % on ARR";

	@Test
	void usagePastTenPercentAlertsAndPastTwentyPercentBlocksWithAiBudgetExceededWhileRulesStillEvaluate() {
		String tenant = newTenant("ai-budget");
		answers("plan-ae-france.json");
		HttpGraphQlTester admin = as("root", tenant, Role.ADMIN);
		// 350 tokens a month; each answer costs 200: 200 is within, 400 is past +10 % (385), 600 is past +20 % (420).
		admin.documentName("aiSetBudget").variable("input", Map.of("monthlyTokens", 350)).execute()
			.path("setAiBudget.usage.monthlyTokens").entity(Long.class).isEqualTo(350L);
		HttpGraphQlTester alice = as("alice", tenant, Role.SALES_OPS);

		proposed(alice, "p1");
		assertThat(levels(admin)).isEmpty();
		proposed(alice, "p2");
		assertThat(levels(admin)).containsExactly("ALERT");
		proposed(alice, "p3");
		assertThat(levels(admin)).containsExactly("ALERT", "BLOCK");

		int before = chatRequests();
		alice.documentName("aiProposePlan").variable("input", proposePlanInput("p4", SENTENCE, "plan")).execute()
			.errors().satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "AI_BUDGET_EXCEEDED")));
		assertThat(chatRequests()).as("a blocked call never reaches the provider").isEqualTo(before);

		await().atMost(Duration.ofSeconds(10)).until(() -> alertsOf(tenant).size() == 2);
		assertThat(alertsOf(tenant)).anySatisfy(body -> assertThat(body).contains("\"type\":\"ai.budget.alert\""))
			.anySatisfy(body -> assertThat(body).contains("\"type\":\"ai.budget.block\""));
		assertThat(superuserRows("SELECT action FROM audit_log WHERE tenant_id = ? AND action LIKE 'ai.budget.%' ORDER BY seq", tenant))
			.extracting(List::getFirst).containsExactly("ai.budget.set", "ai.budget.alert", "ai.budget.block");

		// The deterministic registry is unaffected.
		admin.documentName("rulesCreateRule").variable("input", Map.of("idempotencyKey", "rule", "name", "flat", "kind", "EXPRESSION",
				"description", "flat", "firstVersion", Map.of("definition", Map.of("expression", "amount * 10 / 100", "variables",
						Map.of("amount", "INT"), "resultType", "INT"), "examples", List.of(), "origin", "HUMAN", "changeNote", "first",
						"validFrom", "2026-01-01"))).execute()
			.path("createRule.userErrors").entityList(Object.class).hasSize(0);
	}

	private static void proposed(HttpGraphQlTester person, String key) {
		person.documentName("aiProposePlan").variable("input", proposePlanInput(key, SENTENCE, "plan")).execute()
			.path("proposePlan.proposal.status").entity(String.class).isEqualTo("PROPOSED");
	}

	private static List<String> levels(HttpGraphQlTester admin) {
		return admin.documentName("aiUsage").execute().path("aiUsage.thresholdsCrossed").entityList(String.class).get();
	}

}
