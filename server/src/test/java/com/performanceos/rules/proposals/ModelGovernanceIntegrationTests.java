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
 * Model governance: a tenant asks the model it certified; a switch to the configured model replays the accepted
 * proposals, marks their versions TO_RECERTIFY and passes its gate (at once, or with ADMIN and FINANCE approvals);
 * a rollback returns to the previous model in one mutation.
 */
class ModelGovernanceIntegrationTests extends AiIntegrationTest {

	private static final String OLD_MODEL = "mistral-small-2402";

	@Test
	void anIdenticalReplaySwitchesAtOnceMarksVersionsToRecertifyAndRollsBackInOneMutation() {
		String tenant = newTenant("ai-switch");
		acceptedTwoPlansOf(tenant);
		HttpGraphQlTester root = as("root", tenant, Role.ADMIN);

		answers("plan-ae-france.json");
		root.documentName("aiReplayAiModel").execute()
			.path("replayAiModel.userErrors").entityList(Object.class).hasSize(0)
			.path("replayAiModel.modelSwitch.fromModel").entity(String.class).isEqualTo(OLD_MODEL)
			.path("replayAiModel.modelSwitch.toModel").entity(String.class).isEqualTo(MODEL)
			.path("replayAiModel.modelSwitch.proposalsReplayed").entity(Integer.class).isEqualTo(2)
			.path("replayAiModel.modelSwitch.outputsCompared").entity(Integer.class).isEqualTo(6)
			.path("replayAiModel.modelSwitch.outputsDiffering").entity(Integer.class).isEqualTo(0)
			.path("replayAiModel.modelSwitch.gate").entity(String.class).isEqualTo("ACCEPTED")
			.path("replayAiModel.modelSwitch.status").entity(String.class).isEqualTo("SWITCHED");
		assertThat(chatBodies()).hasSize(2).allSatisfy(body -> assertThat(body).containsPattern("\"model\"\\s*:\\s*\"" + MODEL + "\""));
		root.documentName("aiModelGovernance").execute()
			.path("aiModelGovernance.activeModel").entity(String.class).isEqualTo(MODEL)
			.path("aiModelGovernance.previousModel").entity(String.class).isEqualTo(OLD_MODEL)
			.path("aiModelGovernance.toRecertify[*].aiModel").entityList(String.class).containsExactly(OLD_MODEL, OLD_MODEL);
		assertThat(audit(tenant, "ai.model.replayed")).isEqualTo(1);

		root.documentName("aiRollbackAiModel").execute()
			.path("rollbackAiModel.modelSwitch.status").entity(String.class).isEqualTo("ROLLED_BACK");
		root.documentName("aiModelGovernance").execute()
			.path("aiModelGovernance.activeModel").entity(String.class).isEqualTo(OLD_MODEL)
			.path("aiModelGovernance.toRecertify").entityList(Object.class).hasSize(0);
		// Asking again goes to the model rolled back to.
		PROVIDER.resetRequests();
		PlanProposalIntegrationTests.propose(as("alice", tenant, Role.SALES_OPS), "after-rollback", "10 % on ARR", "ae-france")
			.path("proposePlan.proposal.status").entity(String.class).isEqualTo("PROPOSED");
		assertThat(chatBodies()).singleElement().satisfies(body -> assertThat(body).containsPattern("\"model\"\\s*:\\s*\"" + OLD_MODEL + "\""));
	}

	@Test
	void aReplayAboveOnePercentIsBlockedUntilAnAdminAndAFinanceApproverBothApprove() {
		String tenant = newTenant("ai-gate");
		acceptedTwoPlansOf(tenant);
		HttpGraphQlTester root = as("root", tenant, Role.ADMIN);

		// The new model pays 12 % below quota: one example of three differs in each plan, 2 of 6 outputs (33 %).
		answers("plan-ae-france-12-percent.json");
		root.documentName("aiReplayAiModel").execute()
			.path("replayAiModel.modelSwitch.outputsDiffering").entity(Integer.class).isEqualTo(2)
			.path("replayAiModel.modelSwitch.divergencePercent").entity(String.class).isEqualTo("33.3333")
			.path("replayAiModel.modelSwitch.gate").entity(String.class).isEqualTo("NEEDS_ADMIN_AND_FINANCE")
			.path("replayAiModel.modelSwitch.status").entity(String.class).isEqualTo("PENDING");
		assertThat(activeModel(root)).isEqualTo(OLD_MODEL);

		root.documentName("aiApproveAiModelSwitch").execute()
			.path("approveAiModelSwitch.modelSwitch.adminApprovedBy").entity(String.class).isEqualTo("root")
			.path("approveAiModelSwitch.modelSwitch.status").entity(String.class).isEqualTo("PENDING");
		root.documentName("aiApproveAiModelSwitch").execute()
			.path("approveAiModelSwitch.userErrors[0].code").entity(String.class).isEqualTo("APPROVAL_NOT_NEEDED");
		assertThat(activeModel(root)).isEqualTo(OLD_MODEL);

		as("fiona", tenant, Role.FINANCE).documentName("aiApproveAiModelSwitch").execute()
			.path("approveAiModelSwitch.modelSwitch.financeApprovedBy").entity(String.class).isEqualTo("fiona")
			.path("approveAiModelSwitch.modelSwitch.status").entity(String.class).isEqualTo("SWITCHED");
		assertThat(activeModel(root)).isEqualTo(MODEL);
		root.documentName("aiReplayAiModel").execute()
			.path("replayAiModel.userErrors[0].code").entity(String.class).isEqualTo("NO_MODEL_SWITCH");
	}

	/** Two plans answered by the old model, accepted by alice: the tenant is now certified on the old model. */
	private void acceptedTwoPlansOf(String tenant) {
		answersAs("plan-ae-france.json", OLD_MODEL);
		HttpGraphQlTester alice = as("alice", tenant, Role.SALES_OPS);
		for (String rule : List.of("ae-france", "ae-france-2027")) {
			GraphQlTester.Response proposed = PlanProposalIntegrationTests.propose(alice, rule, "10 % on ARR, 15 % above quota", rule);
			proposed.path("proposePlan.proposal.model").entity(String.class).isEqualTo(OLD_MODEL);
			alice.documentName("aiAcceptProposal").variable("input", Map.of("proposalId", proposed.path("proposePlan.proposal.id")
				.entity(String.class).get())).execute()
				.path("acceptProposal.ruleVersion.aiModel").entity(String.class).isEqualTo(OLD_MODEL);
		}
		PROVIDER.resetRequests();
	}

	private static String activeModel(HttpGraphQlTester person) {
		return person.documentName("aiModelGovernance").execute().path("aiModelGovernance.activeModel").entity(String.class).get();
	}

	private static int audit(String tenant, String action) {
		return Integer.parseInt(superuserRows("SELECT count(*) FROM audit_log WHERE tenant_id = ? AND action = ?", tenant, action)
			.getFirst().getFirst());
	}

}
