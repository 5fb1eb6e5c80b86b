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

/**
 * The provider down (HTTP 500s, dropped connections, stalls): requests are QUEUED with the reason within the timeout,
 * admins are alerted once, deterministic features run meanwhile, and the queue drains by itself once the provider
 * answers again, each proposal answered once.
 */
class DegradedModeIntegrationTests extends AiIntegrationTest {

	private static final String SENTENCE = "10 % on ARR, 15 % above quota for AEs in France";

	@Test
	void aFailingProviderQueuesRequestsAlertsAdminsOnceAndTheQueueDrainsWithoutDuplicatesWhenItAnswers() {
		String tenant = newTenant("ai-down");
		failsWith500();
		HttpGraphQlTester alice = as("alice", tenant, Role.SALES_OPS);
		String first = queued(alice, "p1", "the call failed");
		String second = queued(alice, "p2", "");
		assertThat(superuserRows("SELECT status, reason FROM ai_request WHERE tenant_id = ?", tenant)).hasSize(2)
			.allSatisfy(row -> assertThat(row.getFirst()).isEqualTo("QUEUED"));

		await().atMost(Duration.ofSeconds(10)).until(() -> alertsOf(tenant).size() == 1);
		assertThat(alertsOf(tenant).getFirst()).contains("\"type\":\"ai.provider.unavailable\"");
		assertThat(audit(tenant, "ai.provider.unavailable")).as("alerted once for the outage, not per request").isEqualTo(1);

		// Deterministic features never wait on the AI: a rule evaluation and a period close.
		deterministicFeaturesWork(tenant);

		answers("plan-ae-france.json");
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
			.until(() -> status(alice, first).equals("PROPOSED") && status(alice, second).equals("PROPOSED"));
		assertThat(superuserRows("SELECT status, attempts FROM ai_request WHERE tenant_id = ?", tenant))
			.allSatisfy(row -> assertThat(row.getFirst()).isEqualTo("DONE"));
		alice.documentName("aiProposal").variable("id", first).execute()
			.path("aiProposal.model").entity(String.class).isEqualTo(MODEL)
			.path("aiProposal.tokenCost").entity(Long.class).isEqualTo(TOKENS_PER_ANSWER)
			.path("aiProposal.queuedReason").valueIsNull();
		as("root", tenant, Role.ADMIN).documentName("aiUsage").execute()
			.path("aiUsage.lines[0].requests").entity(Long.class).isEqualTo(2L)
			.path("aiUsage.queued").entity(Long.class).isEqualTo(0L);
		await().atMost(Duration.ofSeconds(10)).until(() -> audit(tenant, "ai.provider.recovered") == 1);
		assertThat(superuserRows("SELECT count(*) FROM rules_proposal WHERE tenant_id = ?", tenant).getFirst().getFirst()).isEqualTo("2");
	}

	@Test
	void droppedConnectionsAndStallsAreQueuedWithTheirReasonWithinTheTimeout() {
		String tenant = newTenant("ai-stall");
		HttpGraphQlTester alice = as("alice", tenant, Role.SALES_OPS);
		dropsConnections();
		String dropped = queued(alice, "p1", "the call failed");
		stalls("plan-ae-france.json", 30_000);
		long started = System.nanoTime();
		String stalled = queued(alice, "p2", "");
		// Two attempts of at most 3 s each, not the provider's 30 s.
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
		alice.documentName("aiRejectProposal").variable("input", Map.of("proposalId", stalled, "reason", "not needed any more")).execute()
			.path("rejectProposal.proposal.status").entity(String.class).isEqualTo("REJECTED");

		answers("plan-ae-france.json");
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() -> status(alice, dropped).equals("PROPOSED"));
		await().atMost(Duration.ofSeconds(10)).until(() -> superuserRows("SELECT 1 FROM ai_request WHERE tenant_id = ? AND status = 'QUEUED'",
				tenant).isEmpty());
		assertThat(status(alice, stalled)).as("a late answer does not revive a rejected proposal").isEqualTo("REJECTED");
	}

	private String queued(HttpGraphQlTester person, String key, String reasonContains) {
		var response = PlanProposalIntegrationTests.propose(person, key, SENTENCE, "ae-france");
		response.path("proposePlan.userErrors").entityList(Object.class).hasSize(0)
			.path("proposePlan.proposal.status").entity(String.class).isEqualTo("QUEUED")
			.path("proposePlan.proposal.queuedReason").entity(String.class)
			.satisfies(reason -> assertThat(reason).startsWith("AI provider unavailable").contains(reasonContains));
		return response.path("proposePlan.proposal.id").entity(String.class).get();
	}

	private static String status(HttpGraphQlTester person, String proposalId) {
		return person.documentName("aiProposal").variable("id", proposalId).execute().path("aiProposal.status").entity(String.class).get();
	}

	private static int audit(String tenant, String action) {
		return Integer.parseInt(superuserRows("SELECT count(*) FROM audit_log WHERE tenant_id = ? AND action = ?", tenant, action)
			.getFirst().getFirst());
	}

	private void deterministicFeaturesWork(String tenant) {
		HttpGraphQlTester admin = as("root", tenant, Role.ADMIN);
		Map<String, Object> table = Map.of("name", "rates", "hitPolicy", "FIRST",
				"inputs", List.of(Map.of("name", "amount", "expression", "amount", "type", "NUMBER")),
				"outputs", List.of(Map.of("name", "rate", "type", "NUMBER")),
				"rules", List.of(Map.of("inputEntries", List.of(">= 10"), "outputEntries", List.of("12")),
						Map.of("inputEntries", List.of("-"), "outputEntries", List.of("10"))));
		String ruleId = admin.documentName("rulesCreateRule").variable("input", Map.of("idempotencyKey", "rule", "name", "rates",
				"kind", "DECISION_TABLE", "description", "rates", "firstVersion", Map.of("definition", table, "examples", List.of(),
						"origin", "HUMAN", "changeNote", "first", "validFrom", "2026-01-01"))).execute()
			.path("createRule.rule.id").entity(String.class).get();
		admin.documentName("rulesEvaluate").variable("input", Map.of("ruleId", ruleId, "versionNumber", 1, "inputs",
				List.of(Map.of("amount", 30)))).execute()
			.path("evaluateRule.results[0].outputJson").entity(String.class).isEqualTo("12");
		as("root", tenant, Role.ADMIN, Role.FINANCE).documentName("coreClosePeriod")
			.variable("input", Map.of("idempotencyKey", "close", "month", "2026-01")).execute()
			.path("closePeriod.userErrors").entityList(Object.class).hasSize(0)
			.path("closePeriod.period.status").entity(String.class).isEqualTo("CLOSED");
	}

}
