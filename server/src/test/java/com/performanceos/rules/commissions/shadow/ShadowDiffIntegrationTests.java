package com.performanceos.rules.commissions.shadow;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;

import com.performanceos.platform.security.Role;
import com.performanceos.rules.commissions.runs.CommissionsWorld;
import com.performanceos.testsupport.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shadow calculation guarding the publication of commission plan versions, through the GraphQL API (issue 10's
 * "Shadow diff" acceptance): Ana's March (one 10,000 EUR deal at 10 %, 1,000 EUR) is recomputed with each new version.
 */
class ShadowDiffIntegrationTests extends IntegrationTest {

	private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
	};

	/** A tenant whose plan "AE" (version 1) paid Ana's March, computed by a run; answers the plan's rule id. */
	private record Setup(CommissionsWorld world, String ruleId) {
	}

	private Setup paidMarch(String prefix) {
		CommissionsWorld world = new CommissionsWorld("http://127.0.0.1:" + port, tokens, newTenant(prefix));
		world.importDeals("deals", "D-1,ana,Pro,FR,10000.00,10000.00,CLOSED_WON,2026-03-10,EUR\n");
		world.importQuotas("quotas", "ana,2026-03,100000,EUR\n");
		String first = world.publishedPlan("AE", CommissionsWorld.plan("GRADUATED", Map.of()));
		world.assign(first, "2026-03", "ana");
		Map<String, Object> run = world.run("march", "2026-03", Map.of());
		assertThat(new BigDecimal(String.valueOf(((Map<?, ?>) run.get("totalPayable")).get("amount")))).isEqualByComparingTo("1000");
		String ruleId = world.finance.documentName("commissionsPlanRule").variable("id", first).execute().path("node.rule.id").entity(String.class).get();
		return new Setup(world, ruleId);
	}

	/** Writes a new version of the plan (Sam) and has it approved (Fiona); answers its id. */
	private static String approvedVersion(Setup setup, String key, Map<String, Object> definition) {
		GraphQlTester.Response created = setup.world().salesOps.documentName("rulesCreateRuleVersion").variable("input", Map.of("idempotencyKey", key,
				"ruleId", setup.ruleId(), "version", Map.of("definition", definition, "examples", List.of(), "origin", "HUMAN", "changeNote", key,
						"validFrom", "2026-01-01")))
			.execute();
		created.path("createRuleVersion.userErrors").entityList(Object.class).hasSize(0);
		String version = created.path("createRuleVersion.version.id").entity(String.class).get();
		transition(setup.world().salesOps, "rulesSubmit", "submitRuleVersion", version).path("submitRuleVersion.userErrors").entityList(Object.class)
			.hasSize(0);
		transition(setup.world().finance, "rulesApprove", "approveRuleVersion", version).path("approveRuleVersion.userErrors").entityList(Object.class)
			.hasSize(0);
		return version;
	}

	private static GraphQlTester.Response transition(org.springframework.graphql.test.tester.HttpGraphQlTester as, String document, String field,
			String version) {
		return as.documentName(document).variable("input", Map.of("versionId", version, "justification", "reviewed")).execute();
	}

	/** The plan with its base tier paying {@code ratePercent}. */
	private static Map<String, Object> planPaying(String ratePercent) {
		Map<String, Object> plan = new java.util.LinkedHashMap<>(CommissionsWorld.plan("GRADUATED", Map.of()));
		plan.put("tiers", Map.of("method", "GRADUATED", "bands", List.of(Map.of("name", "Base", "fromAttainmentPercent", 0, "ratePercent",
				new BigDecimal(ratePercent)), Map.of("name", "Accelerator", "fromAttainmentPercent", 100, "ratePercent", 15))));
		return plan;
	}

	@Test
	void aVersionChangingOneRepBy002EurIsBlockedUntilFinanceApprovesTheDifferenceWithAJustification() {
		Setup setup = paidMarch("shadow-blocked");
		String version = approvedVersion(setup, "ten-point-0002", planPaying("10.0002"));

		GraphQlTester.Response blocked = transition(setup.world().finance, "rulesPublish", "publishRuleVersion", version);
		blocked.path("publishRuleVersion.version").valueIsNull();
		blocked.path("publishRuleVersion.userErrors[*].code").entityList(String.class).containsExactly("PUBLICATION_BLOCKED");
		blocked.path("publishRuleVersion.userErrors[0].message").entity(String.class)
			.satisfies(message -> assertThat(message).contains("2026-03", "ana 1000 → 1000.02 (+0.02 EUR)"));
		Map<String, Object> diff = setup.world().finance.documentName("commissionsShadowDiff").variable("versionId", version).execute()
			.path("commissionShadowDiff").entity(OBJECT).get();
		assertThat(diff).containsEntry("status", "BLOCKED").containsEntry("period", "2026-03").containsEntry("computedBy", "fiona");
		assertThat(new BigDecimal(String.valueOf(((Map<?, ?>) diff.get("maxDifference")).get("amount")))).isEqualByComparingTo("0.02");
		assertThat(setup.world().finance.documentName("rulesNode").variable("id", version).execute().path("node.status").entity(String.class).get())
			.as("a refused publication leaves the version approved").isEqualTo("APPROVED");

		// Sam wrote the version: he may not approve its difference (and his role may not approve at all).
		setup.world().as("sam", Role.SALES_OPS, Role.FINANCE).documentName("commissionsShadowApprove")
			.variable("input", Map.of("versionId", version, "justification", "fine")).execute()
			.path("approveCommissionShadowDiff.userErrors[*].code").entityList(String.class).containsExactly("SEPARATION_OF_DUTIES");
		setup.world().finance.documentName("commissionsShadowApprove").variable("input", Map.of("versionId", version, "justification", " ")).execute()
			.path("approveCommissionShadowDiff.userErrors[*].code").entityList(String.class).containsExactly("REASON_REQUIRED");
		GraphQlTester.Response approved = setup.world().finance.documentName("commissionsShadowApprove")
			.variable("input", Map.of("versionId", version, "justification", "The 0.0002 point is the agreed rounding of the new rate card")).execute();
		approved.path("approveCommissionShadowDiff.userErrors").entityList(Object.class).hasSize(0);
		approved.path("approveCommissionShadowDiff.diff.status").entity(String.class).isEqualTo("APPROVED");

		GraphQlTester.Response published = transition(setup.world().finance, "rulesPublish", "publishRuleVersion", version);
		published.path("publishRuleVersion.userErrors").entityList(Object.class).hasSize(0);
		published.path("publishRuleVersion.version.status").entity(String.class).isEqualTo("PUBLISHED");
		List<Map<String, Object>> audit = setup.world().as("audrey", Role.AUDITOR).documentName("auditLog").variable("first", 100)
			.variable("action", "commissions.shadow-diff.approved").execute().path("auditLog.edges[*].node")
			.entity(new ParameterizedTypeReference<List<Map<String, Object>>>() {
			}).get();
		assertThat(audit).singleElement().satisfies(record -> {
			assertThat(record).containsEntry("actor", "fiona").containsEntry("targetId", version);
			assertThat(String.valueOf(record.get("after"))).contains("agreed rounding", "ana 1000 → 1000.02 (+0.02 EUR)");
		});
		setup.world().as("audrey", Role.AUDITOR).documentName("auditLog").variable("first", 100).variable("action", "rules.version.published")
			.execute().path("auditLog.edges[*].node.targetId").entityList(String.class).contains(version);
	}

	@Test
	void aVersionThatPaysNobodyDifferentlyPublishesAtOnce() {
		Setup setup = paidMarch("shadow-clear");
		// A cap far above anything paid changes the definition but not one cent of March.
		Map<String, Object> capped = new java.util.LinkedHashMap<>(CommissionsWorld.plan("GRADUATED", Map.of("capPerPeriod", 1_000_000)));
		String version = approvedVersion(setup, "capped", capped);

		GraphQlTester.Response published = transition(setup.world().finance, "rulesPublish", "publishRuleVersion", version);
		published.path("publishRuleVersion.userErrors").entityList(Object.class).hasSize(0);
		published.path("publishRuleVersion.version.status").entity(String.class).isEqualTo("PUBLISHED");
		Map<String, Object> diff = setup.world().finance.documentName("commissionsShadowDiff").variable("versionId", version).execute()
			.path("commissionShadowDiff").entity(OBJECT).get();
		assertThat(diff).containsEntry("status", "CLEAR").containsEntry("period", "2026-03");
		assertThat(String.valueOf(diff.get("reps"))).contains("rep=ana");
		assertThat(new BigDecimal(String.valueOf(((Map<?, ?>) diff.get("maxDifference")).get("amount")))).isEqualByComparingTo("0");
	}

}
