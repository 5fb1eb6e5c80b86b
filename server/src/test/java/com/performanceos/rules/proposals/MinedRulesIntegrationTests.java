package com.performanceos.rules.proposals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import com.performanceos.platform.ai.AiIntegrationTest;
import com.performanceos.platform.security.Role;
import com.performanceos.rules.commissions.runs.CommissionsWorld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Rules mined from history on a real one: deals imported, a plan with known base rates published and run, then the
 * rates recovered from the stored payouts and proposed as a decision table, within each tenant only; proposals are
 * nodes and a filtered connection.
 */
class MinedRulesIntegrationTests extends AiIntegrationTest {

	private static final String MINE = """
			mutation($input: MineRulesFromHistoryInput!) { mineRulesFromHistory(input: $input) {
			  proposal { id kind status model target justification payload promptSha256 tokenCost }
			  userErrors { code message field } } }""";

	private static final String LIST = """
			query($status: AiProposalStatus, $kind: AiProposalKind, $first: Int, $after: String) {
			  aiProposals(status: $status, kind: $kind, first: $first, after: $after) {
			    totalCount nodes { id kind status } pageInfo { hasNextPage endCursor } } }""";

	private static final String NODE = "query($id: ID!) { node(id: $id) { __typename ... on AiProposal { id kind status } } }";

	/** A month of AE and SDR payouts at known rates (AE: 12 % on Pro, 8 % on Basic; SDR: 5 % on anything), or one flat rate. */
	private CommissionsWorld paidMarch(String prefix, Object baseRates) {
		CommissionsWorld world = new CommissionsWorld("http://127.0.0.1:" + port, tokens, newTenant(prefix));
		world.importDeals("deals", """
				D-1,ana,Pro,FR,12345.67,12345.67,CLOSED_WON,2026-03-02,EUR
				D-2,ana,Pro,FR,20000.00,20000.00,CLOSED_WON,2026-03-03,EUR
				D-3,bob,Pro,FR,7777.77,7777.77,CLOSED_WON,2026-03-04,EUR
				D-4,bob,Pro,FR,31415.92,31415.92,CLOSED_WON,2026-03-05,EUR
				D-5,ana,Basic,FR,5000.00,5000.00,CLOSED_WON,2026-03-06,EUR
				D-6,bob,Basic,FR,9999.99,9999.99,CLOSED_WON,2026-03-07,EUR
				D-7,ana,Basic,FR,4321.09,4321.09,CLOSED_WON,2026-03-08,EUR
				D-8,sid,Pro,FR,15000.00,15000.00,CLOSED_WON,2026-03-09,EUR
				D-9,sid,Basic,FR,2500.50,2500.50,CLOSED_WON,2026-03-10,EUR
				D-10,sid,Pro,FR,8000.00,8000.00,CLOSED_WON,2026-03-11,EUR
				D-11,sid,Pro,FR,1234.56,1234.56,CLOSED_WON,2026-03-12,EUR
				""");
		world.importQuotas("quotas", "ana,2026-03,10000000,EUR\nbob,2026-03,10000000,EUR\nsid,2026-03,10000000,EUR\n");
		world.reps(List.of(Map.of("code", "ana", "name", "Ana", "role", "AE", "subject", "ana-user"),
				Map.of("code", "bob", "name", "Bob", "role", "AE", "subject", "bob-user"),
				Map.of("code", "sid", "name", "Sid", "role", "SDR", "subject", "sid-user")), List.of());
		Map<String, Object> plan = Map.of("currency", "EUR", "eligibility", "stage == 'CLOSED_WON'", "baseRates", baseRates, "tiers",
				Map.of("method", "GRADUATED", "bands", List.of(Map.of("name", "Base", "fromAttainmentPercent", 0, "multiplierPercent", 100))));
		world.assign(world.publishedPlan("Sales", plan), "2026-03", "ana", "bob", "sid");
		world.run("march", "2026-03", Map.of());
		return world;
	}

	private static List<Map<String, Object>> rates(String... roleProductRate) {
		List<Map<String, Object>> rows = new java.util.ArrayList<>();
		for (int index = 0; index < roleProductRate.length; index += 3) {
			rows.add(Map.of("role", roleProductRate[index], "product", roleProductRate[index + 1], "region", "*", "ratePercent",
					new BigDecimal(roleProductRate[index + 2])));
		}
		return rows;
	}

	private static GraphQlTester.Response mine(HttpGraphQlTester tester, String key) {
		return tester.document(MINE).variable("input", Map.of("idempotencyKey", key, "fromPeriod", "2026-01", "toPeriod", "2026-03", "ruleName",
				"mined-rates")).execute();
	}

	private static List<Map<String, Object>> findings(GraphQlTester.Response mined) {
		return mined.path("mineRulesFromHistory.proposal.payload.findings").entity(new ParameterizedTypeReference<List<Map<String, Object>>>() {
		}).get();
	}

	private static double rate(List<Map<String, Object>> findings, String role, String product) {
		return findings.stream().filter(each -> role.equals(each.get("role")) && product.equals(each.get("product")))
			.map(each -> new BigDecimal(String.valueOf(each.get("ratePercent"))).doubleValue()).findFirst().orElseThrow();
	}

	private static int support(List<Map<String, Object>> findings, String role, String product) {
		return findings.stream().filter(each -> role.equals(each.get("role")) && product.equals(each.get("product")))
			.map(each -> ((Number) each.get("support")).intValue()).findFirst().orElseThrow();
	}

	@Test
	void recoversThePlansRatesFromStoredPayoutsWithSupportAndProposesThemAsACheckedTable() {
		CommissionsWorld world = paidMarch("mined", rates("AE", "Pro", "12", "AE", "Basic", "8", "SDR", "*", "5"));

		GraphQlTester.Response mined = mine(world.salesOps, "m1");
		mined.path("mineRulesFromHistory.userErrors").entityList(Object.class).hasSize(0)
			.path("mineRulesFromHistory.proposal.kind").entity(String.class).isEqualTo("MINED_RULE")
			.path("mineRulesFromHistory.proposal.status").entity(String.class).isEqualTo("PROPOSED")
			.path("mineRulesFromHistory.proposal.model").entity(String.class).isEqualTo(HistoryMiner.MODEL)
			.path("mineRulesFromHistory.proposal.tokenCost").entity(Long.class).isEqualTo(0L)
			.path("mineRulesFromHistory.proposal.justification").entity(String.class)
			.satisfies(text -> assertThat(text).contains("AE × Pro × FR: 12 % — 4 of 4 payouts match within 0.01"));
		List<Map<String, Object>> findings = findings(mined);
		assertThat(findings).hasSize(3);
		assertThat(rate(findings, "AE", "Pro")).isCloseTo(12.0, within(0.01));
		assertThat(rate(findings, "AE", "Basic")).isCloseTo(8.0, within(0.01));
		assertThat(rate(findings, "SDR", "Pro")).isCloseTo(5.0, within(0.01));
		assertThat(support(findings, "AE", "Pro")).isEqualTo(4);
		assertThat(support(findings, "AE", "Basic")).isEqualTo(3);
		assertThat(support(findings, "SDR", "Pro")).isEqualTo(3);
		// SDR × Basic has one payout: below the minimum support, not proposed.
		assertThat(findings).noneMatch(each -> "SDR".equals(each.get("role")) && "Basic".equals(each.get("product")));
		assertThat(mined.path("mineRulesFromHistory.proposal.payload.examples[*].passed").entityList(Boolean.class).get()).hasSize(3)
			.containsOnly(true);
		assertThat(superuserRows("SELECT count(*) FROM rules_version v JOIN rules_rule r ON r.id = v.rule_id WHERE r.tenant_id = ? "
				+ "AND r.name = 'mined-rates'", world.tenant)).as("nothing reaches the registry before a person accepts").containsExactly(List.of("0"));
		assertThat(superuserRows("SELECT count(*) FROM audit_log WHERE tenant_id = ? AND action = 'rules.proposal.mined'", world.tenant))
			.containsExactly(List.of("1"));

		// Accepted by a person: a DRAFT decision table with origin AI, which its accepter cannot approve.
		String proposalId = mined.path("mineRulesFromHistory.proposal.id").entity(String.class).get();
		world.salesOps.documentName("aiAcceptProposal").variable("input", Map.of("proposalId", proposalId, "validFrom", "2026-04-01")).execute()
			.path("acceptProposal.userErrors").entityList(Object.class).hasSize(0)
			.path("acceptProposal.ruleVersion.status").entity(String.class).isEqualTo("DRAFT")
			.path("acceptProposal.ruleVersion.origin").entity(String.class).isEqualTo("AI")
			.path("acceptProposal.ruleVersion.aiModel").entity(String.class).isEqualTo(HistoryMiner.MODEL);
		// Mined rates certify no language model for the tenant.
		world.finance.documentName("aiModelGovernance").execute().path("aiModelGovernance.activeModel").entity(String.class).isEqualTo(MODEL);
		assertThat(chatRequests()).as("mining asks no model").isZero();
	}

	@Test
	void aTenantNeverReceivesProposalsMinedFromAnotherTenantsPayouts() {
		CommissionsWorld first = paidMarch("mined-a", rates("AE", "Pro", "12", "AE", "Basic", "8", "SDR", "*", "5"));
		CommissionsWorld second = paidMarch("mined-b", rates("AE", "*", "20", "SDR", "*", "20"));

		List<Map<String, Object>> firstFindings = findings(mine(first.salesOps, "same-key"));
		GraphQlTester.Response secondMined = mine(second.salesOps, "same-key");
		List<Map<String, Object>> secondFindings = findings(secondMined);

		assertThat(secondFindings).extracting(each -> new BigDecimal(String.valueOf(each.get("ratePercent"))).stripTrailingZeros().toPlainString())
			.containsOnly("20");
		assertThat(firstFindings).extracting(each -> new BigDecimal(String.valueOf(each.get("ratePercent"))).stripTrailingZeros().toPlainString())
			.doesNotContain("20");
		// Support counts are each tenant's own payouts: 10 of its 11 deals (SDR × Basic, one payout, is not proposed), none counted twice.
		assertThat(secondFindings.stream().mapToInt(each -> ((Number) each.get("observations")).intValue()).sum()).isEqualTo(10);
		assertThat(firstFindings.stream().mapToInt(each -> ((Number) each.get("observations")).intValue()).sum()).isEqualTo(10);

		String secondId = secondMined.path("mineRulesFromHistory.proposal.id").entity(String.class).get();
		first.salesOps.document(NODE).variable("id", secondId).execute().path("node").valueIsNull();
		first.salesOps.documentName("aiProposal").variable("id", secondId).execute().path("aiProposal").valueIsNull();
		first.salesOps.document(LIST).execute().path("aiProposals.totalCount").entity(Integer.class).isEqualTo(1)
			.path("aiProposals.nodes[*].id").entityList(String.class).satisfies(ids -> assertThat(ids).doesNotContain(secondId));
		second.salesOps.document(NODE).variable("id", secondId).execute().path("node.__typename").entity(String.class).isEqualTo("AiProposal")
			.path("node.kind").entity(String.class).isEqualTo("MINED_RULE");
	}

	@Test
	void proposalsAreListedNewestFirstFilteredByStatusAndKindPageByPage() {
		String tenant = newTenant("ai-list");
		HttpGraphQlTester alice = as("alice", tenant, Role.SALES_OPS);
		answers("plan-ae-france.json");
		for (int index = 1; index <= 3; index++) {
			alice.documentName("aiProposePlan").variable("input", proposePlanInput("p" + index, "10 % on ARR for AEs in France", "plan-" + index))
				.execute().path("proposePlan.proposal.status").entity(String.class).isEqualTo("PROPOSED");
		}
		answers("plan-not-json.txt");
		alice.documentName("aiProposePlan").variable("input", proposePlanInput("bad", "nonsense", "plan-bad")).execute()
			.path("proposePlan.proposal.status").entity(String.class).isEqualTo("FAILED");

		GraphQlTester.Response firstPage = alice.document(LIST).variable("status", "PROPOSED").variable("first", 2).execute();
		firstPage.path("aiProposals.totalCount").entity(Integer.class).isEqualTo(3)
			.path("aiProposals.nodes[*].status").entityList(String.class).containsExactly("PROPOSED", "PROPOSED")
			.path("aiProposals.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
		String cursor = firstPage.path("aiProposals.pageInfo.endCursor").entity(String.class).get();
		List<String> firstIds = firstPage.path("aiProposals.nodes[*].id").entityList(String.class).get();
		GraphQlTester.Response secondPage = alice.document(LIST).variable("status", "PROPOSED").variable("first", 2).variable("after", cursor)
			.execute();
		secondPage.path("aiProposals.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
		List<String> secondIds = secondPage.path("aiProposals.nodes[*].id").entityList(String.class).get();
		assertThat(secondIds).hasSize(1).doesNotContainAnyElementsOf(firstIds);

		alice.document(LIST).variable("status", "FAILED").execute().path("aiProposals.nodes[*].status").entityList(String.class)
			.containsExactly("FAILED");
		alice.document(LIST).variable("kind", "MINED_RULE").execute().path("aiProposals.totalCount").entity(Integer.class).isEqualTo(0);
		alice.document(LIST).variable("kind", "PLAN_FROM_SENTENCE").execute().path("aiProposals.totalCount").entity(Integer.class).isEqualTo(4);
		// Newest first: the failed one was asked last.
		alice.document(LIST).variable("first", 1).execute().path("aiProposals.nodes[0].status").entity(String.class).isEqualTo("FAILED");
		alice.document(NODE).variable("id", secondIds.getFirst()).execute().path("node.status").entity(String.class).isEqualTo("PROPOSED");
		alice.document(LIST).variable("first", 101).execute().errors().satisfy(errors -> assertThat(errors).isNotEmpty());
	}

}
