package com.performanceos.rules.proposals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import com.performanceos.platform.ai.AiIntegrationTest;
import com.performanceos.platform.security.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sentence becomes a proposal, validated against the registry; a person accepts it into a DRAFT version with origin
 * AI (and then cannot approve it), rejects it, or sees it fail with the reason when the model's answer is unusable.
 */
class PlanProposalIntegrationTests extends AiIntegrationTest {

	private static final String SENTENCE = "10 % on ARR, 15 % above quota for AEs in France";

	@Test
	void aSentenceBecomesADraftPlanWhoseStoredExamplesGiveTheExpectedPayoutsAndItsAccepterCannotApproveIt() {
		String tenant = newTenant("ai-plan");
		answers("plan-ae-france.json");
		HttpGraphQlTester alice = as("alice", tenant, Role.SALES_OPS);

		GraphQlTester.Response proposed = propose(alice, "p1", SENTENCE, "ae-france");
		proposed.path("proposePlan.userErrors").entityList(Object.class).hasSize(0)
			.path("proposePlan.proposal.status").entity(String.class).isEqualTo("PROPOSED")
			.path("proposePlan.proposal.model").entity(String.class).isEqualTo(MODEL)
			.path("proposePlan.proposal.tokenCost").entity(Long.class).isEqualTo(TOKENS_PER_ANSWER)
			.path("proposePlan.proposal.justification").entity(String.class).satisfies(text -> assertThat(text).contains("15 % of ARR"))
			.path("proposePlan.proposal.promptSha256").entity(String.class).satisfies(sha -> assertThat(sha).hasSize(64));
		List<Map<String, Object>> examples = proposed.path("proposePlan.proposal.payload.examples").entityList(mapType()).get();
		assertThat(examples).extracting(example -> example.get("name"), example -> String.valueOf(example.get("actualOutput")),
				example -> example.get("passed"))
			.containsExactly(org.assertj.core.groups.Tuple.tuple("AE in France above quota", "15000", true),
					org.assertj.core.groups.Tuple.tuple("AE in France below quota", "5000", true),
					org.assertj.core.groups.Tuple.tuple("SDR is not on this plan", "0", true));
		String proposalId = proposed.path("proposePlan.proposal.id").entity(String.class).get();
		assertThat(rulesOf(tenant)).as("nothing reaches the registry before a person accepts").isEmpty();

		GraphQlTester.Response accepted = alice.documentName("aiAcceptProposal")
			.variable("input", Map.of("proposalId", proposalId, "validFrom", "2026-01-01", "note", "matches the plan letter")).execute();
		accepted.path("acceptProposal.userErrors").entityList(Object.class).hasSize(0)
			.path("acceptProposal.proposal.status").entity(String.class).isEqualTo("ACCEPTED")
			.path("acceptProposal.ruleVersion.status").entity(String.class).isEqualTo("DRAFT")
			.path("acceptProposal.ruleVersion.origin").entity(String.class).isEqualTo("AI")
			.path("acceptProposal.ruleVersion.aiModel").entity(String.class).isEqualTo(MODEL)
			.path("acceptProposal.ruleVersion.author").entity(String.class).isEqualTo("alice")
			.path("acceptProposal.ruleVersion.rule.name").entity(String.class).isEqualTo("ae-france")
			.path("acceptProposal.ruleVersion.rule.kind").entity(String.class).isEqualTo("DECISION_TABLE");
		String versionId = accepted.path("acceptProposal.ruleVersion.id").entity(String.class).get();

		// The stored examples run on the version itself, through the registry.
		alice.documentName("rulesTest").variable("versionId", versionId).execute()
			.path("testRule.passed").entity(Boolean.class).isEqualTo(true)
			.path("testRule.results[*].actualOutput").entityList(Object.class)
			.satisfies(outputs -> assertThat(outputs).map(String::valueOf).containsExactly("15000", "5000", "0"));

		transition(alice, "rulesSubmit", versionId).path("submitRuleVersion.userErrors").entityList(Object.class).hasSize(0);
		HttpGraphQlTester aliceAsAdmin = as("alice", tenant, Role.ADMIN);
		transition(aliceAsAdmin, "rulesApprove", versionId).path("approveRuleVersion.userErrors[0].code").entity(String.class)
			.isEqualTo("SEPARATION_OF_DUTIES");
		transition(as("bob", tenant, Role.FINANCE), "rulesApprove", versionId).path("approveRuleVersion.version.status")
			.entity(String.class).isEqualTo("APPROVED");

		alice.documentName("aiAcceptProposal").variable("input", Map.of("proposalId", proposalId)).execute()
			.path("acceptProposal.userErrors[0].code").entity(String.class).isEqualTo("ILLEGAL_TRANSITION");
		List<List<String>> audit = superuserRows("SELECT action, after_image::text FROM audit_log WHERE tenant_id = ? AND action LIKE 'rules.proposal.%' "
				+ "ORDER BY seq", tenant);
		assertThat(audit).extracting(row -> row.get(0)).containsExactly("rules.proposal.requested", "rules.proposal.accepted");
		assertThat(audit).allSatisfy(row -> assertThat(row.get(1)).contains("promptSha256").doesNotContain("quota for AEs"));
	}

	@Test
	void anAnswerThatIsNotJsonIsAFailedProposalWithTheReasonAndNoRuleVersion() {
		String tenant = newTenant("ai-notjson");
		answers("plan-not-json.txt");
		HttpGraphQlTester alice = as("alice", tenant, Role.SALES_OPS);
		GraphQlTester.Response failed = propose(alice, "p1", SENTENCE, "ae-france");
		failed.path("proposePlan.proposal.status").entity(String.class).isEqualTo("FAILED")
			.path("proposePlan.proposal.failureReason").entity(String.class)
			.satisfies(reason -> assertThat(reason).startsWith("The model's answer is not valid JSON"))
			.path("proposePlan.proposal.payload").valueIsNull();
		alice.documentName("aiAcceptProposal").variable("input", Map.of("proposalId", failed.path("proposePlan.proposal.id")
			.entity(String.class).get())).execute()
			.path("acceptProposal.userErrors[0].code").entity(String.class).isEqualTo("ILLEGAL_TRANSITION");
		assertThat(rulesOf(tenant)).isEmpty();
	}

	@Test
	void aPlanThatFailsTypeCheckingIsAFailedProposalNamingTheCellAndNoRuleVersion() {
		String tenant = newTenant("ai-typecheck");
		answers("plan-type-error.json");
		HttpGraphQlTester alice = as("alice", tenant, Role.SALES_OPS);
		propose(alice, "p1", SENTENCE, "ae-france")
			.path("proposePlan.proposal.status").entity(String.class).isEqualTo("FAILED")
			.path("proposePlan.proposal.failureReason").entity(String.class)
			.satisfies(reason -> assertThat(reason).startsWith("The proposed plan does not check:").contains("row 1"));
		assertThat(rulesOf(tenant)).isEmpty();
	}

	@Test
	void anEditedDefinitionIsCheckedAgainAndARejectedProposalCannotBeAccepted() {
		String tenant = newTenant("ai-edit");
		answers("plan-ae-france.json");
		HttpGraphQlTester alice = as("alice", tenant, Role.SALES_OPS);
		String first = propose(alice, "p1", SENTENCE, "ae-france").path("proposePlan.proposal.id").entity(String.class).get();
		Map<String, Object> broken = Map.of("name", "t", "hitPolicy", "FIRST",
				"inputs", List.of(Map.of("name", "attainment", "expression", "attainment", "type", "NUMBER")),
				"outputs", List.of(Map.of("name", "payout", "type", "NUMBER")),
				"rules", List.of(Map.of("inputEntries", List.of("-"), "outputEntries", List.of("arr * 0.12"))));
		alice.documentName("aiAcceptProposal").variable("input", Map.of("proposalId", first, "definition", broken)).execute()
			.path("acceptProposal.userErrors[0].code").entity(String.class).isEqualTo("INVALID_DEFINITION")
			.path("acceptProposal.userErrors[0].message").entity(String.class)
			.satisfies(message -> assertThat(message).contains("AE in France above quota"));
		assertThat(rulesOf(tenant)).isEmpty();

		alice.documentName("aiRejectProposal").variable("input", Map.of("proposalId", first, "reason", "we pay on bookings")).execute()
			.path("rejectProposal.proposal.status").entity(String.class).isEqualTo("REJECTED")
			.path("rejectProposal.proposal.decidedBy").entity(String.class).isEqualTo("alice");
		alice.documentName("aiAcceptProposal").variable("input", Map.of("proposalId", first)).execute()
			.path("acceptProposal.userErrors[0].code").entity(String.class).isEqualTo("ILLEGAL_TRANSITION");
	}

	@Test
	void aTenantThatSwitchedRulesOffIsToldAiIsDisabledAndNothingIsSent() {
		String tenant = newTenant("ai-off");
		answers("plan-ae-france.json");
		as("root", tenant, Role.ADMIN).documentName("aiSetModule").variable("input", Map.of("module", "RULES", "enabled", false)).execute()
			.path("setAiModule.usage.modules[?(@.module == 'RULES')].enabled").entityList(Boolean.class).containsExactly(false);
		int before = chatRequests();
		propose(as("alice", tenant, Role.SALES_OPS), "p1", SENTENCE, "ae-france")
			.path("proposePlan.proposal").valueIsNull()
			.path("proposePlan.userErrors[0].code").entity(String.class).isEqualTo("AI_DISABLED");
		assertThat(chatRequests()).isEqualTo(before);
	}

	@Test
	void noRawEmailOrIbanLeavesTheServerOnlyTheTenantsPseudonyms() {
		String tenant = newTenant("ai-privacy");
		answers("plan-ae-france.json");
		String sentence = "12 % for alice.martin@example.com, paid to FR76 3000 6000 0112 3456 7890 189, above quota";
		propose(as("alice", tenant, Role.SALES_OPS), "p1", sentence, "alice-plan")
			.path("proposePlan.proposal.status").entity(String.class).isEqualTo("PROPOSED");
		List<String> bodies = chatBodies();
		assertThat(bodies).hasSize(1);
		assertThat(bodies.getFirst()).doesNotContainIgnoringCase("alice.martin@example.com")
			.doesNotContain("FR76 3000 6000 0112 3456 7890 189").doesNotContain("FR7630006000011234567890189")
			.contains("EMAIL_").contains("IBAN_").contains("above quota");
		assertThat(superuserRows("SELECT coalesce(after_image::text, '') FROM audit_log WHERE tenant_id = ?", tenant))
			.allSatisfy(row -> assertThat(row.getFirst()).doesNotContain("alice.martin").doesNotContain("FR76"));
	}

	static GraphQlTester.Response propose(HttpGraphQlTester person, String key, String sentence, String ruleName) {
		return person.documentName("aiProposePlan").variable("input", proposePlanInput(key, sentence, ruleName)).execute();
	}

	private static GraphQlTester.Response transition(HttpGraphQlTester person, String document, String versionId) {
		return person.documentName(document).variable("input", Map.of("versionId", versionId, "justification", "tested")).execute();
	}

	private static List<List<String>> rulesOf(String tenant) {
		return superuserRows("SELECT name FROM rules_rule WHERE tenant_id = ?", tenant);
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static Class<Map<String, Object>> mapType() {
		return (Class) Map.class;
	}

}
