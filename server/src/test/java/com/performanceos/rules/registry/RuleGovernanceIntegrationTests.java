package com.performanceos.rules.registry;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.performanceos.platform.security.Role;
import com.performanceos.testsupport.IntegrationTest;
import com.performanceos.testsupport.TestServices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The lifecycle, separation of duties, immutability, examples, effective dating and history, through GraphQL. */
class RuleGovernanceIntegrationTests extends IntegrationTest {

	private static final Map<String, Object> BIG_DEAL = RulesApi.expression("amount >= 1000000 && stage == 'CLOSED_WON'",
			Map.of("amount", "MONEY", "stage", "STRING"), "BOOL");

	private RulesApi as(String subject, String tenant, Role... roles) {
		return RulesApi.as("http://127.0.0.1:" + port, tokens, subject, tenant, roles);
	}

	@Test
	void authorCannotReviewOwnVersionEvenAsAdminAndEachIllegalTransitionIsRefusedWithItsCode() {
		String tenant = newTenant("rules-sod");
		RulesApi alice = as("alice", tenant, Role.ADMIN);
		RulesApi bob = as("bob", tenant, Role.FINANCE);
		String version = alice.created("big-deal", "EXPRESSION", RulesApi.version(BIG_DEAL, "2026-01-01", List.of())).get(1);

		bob.step("approve", version).path("approveRuleVersion.userErrors[0].code").entity(String.class).isEqualTo("ILLEGAL_TRANSITION");
		bob.step("publish", version).path("publishRuleVersion.userErrors[0].code").entity(String.class).isEqualTo("ILLEGAL_TRANSITION");
		bob.step("retire", version).path("retireRuleVersion.userErrors[0].code").entity(String.class).isEqualTo("ILLEGAL_TRANSITION");
		alice.step("submit", version).path("submitRuleVersion.version.status").entity(String.class).isEqualTo("IN_REVIEW");
		alice.step("submit", version).path("submitRuleVersion.userErrors[0].code").entity(String.class).isEqualTo("ILLEGAL_TRANSITION");
		alice.step("approve", version).path("approveRuleVersion.version").valueIsNull()
			.path("approveRuleVersion.userErrors[0].code").entity(String.class).isEqualTo("SEPARATION_OF_DUTIES");
		alice.step("sendBack", version).path("sendBackRuleVersion.userErrors[0].code").entity(String.class).isEqualTo("SEPARATION_OF_DUTIES");
		bob.step("publish", version).path("publishRuleVersion.userErrors[0].code").entity(String.class).isEqualTo("ILLEGAL_TRANSITION");
		bob.step("approve", version).path("approveRuleVersion.version.status").entity(String.class).isEqualTo("APPROVED")
			.path("approveRuleVersion.version.approvedBy").entity(String.class).isEqualTo("bob");
		bob.step("publish", version).path("publishRuleVersion.version.status").entity(String.class).isEqualTo("PUBLISHED");
		alice.step("submit", version).path("submitRuleVersion.userErrors[0].code").entity(String.class).isEqualTo("ILLEGAL_TRANSITION");
		bob.step("retire", version).path("retireRuleVersion.version.status").entity(String.class).isEqualTo("RETIRED");
		bob.step("publish", version).path("publishRuleVersion.userErrors[0].code").entity(String.class).isEqualTo("ILLEGAL_TRANSITION");
	}

	@Test
	void aPublishedVersionCannotBeChangedDirectlyInSqlAsTheApplicationRole() throws SQLException {
		String tenant = newTenant("rules-frozen");
		RulesApi author = as("sam", tenant, Role.SALES_OPS);
		RulesApi finance = as("fiona", tenant, Role.FINANCE);
		String version = author.created("frozen", "EXPRESSION", RulesApi.version(BIG_DEAL, "2026-01-01", List.of())).get(1);
		finance.publishedBy(author, version);
		String key = com.performanceos.platform.graphql.GlobalId.decode(version, "RuleVersion").orElseThrow().toString();
		try (Connection connection = TestServices.shared().applicationConnection(); Statement sql = connection.createStatement()) {
			connection.setAutoCommit(false);
			sql.execute("SELECT set_config('app.tenant_id', '" + tenant + "', true)");
			for (String change : List.of("UPDATE rules_version SET definition = '{}' WHERE id = '%s'",
					"UPDATE rules_version SET status = 'DRAFT' WHERE id = '%s'",
					"UPDATE rules_version SET valid_to = '2026-02-01' WHERE id = '%s'",
					"UPDATE rules_version SET published_by = 'mallory' WHERE id = '%s'")) {
				sql.execute("SAVEPOINT attempt");
				assertThatThrownBy(() -> sql.execute(change.formatted(key))).isInstanceOf(SQLException.class)
					.hasMessageMatching("(?s).*(immutable|permanent).*");
				sql.execute("ROLLBACK TO SAVEPOINT attempt");
			}
			// The application role is not even granted DELETE; the trigger would refuse it too.
			assertThatThrownBy(() -> sql.execute("DELETE FROM rules_version WHERE id = '%s'".formatted(key)))
				.isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
			connection.rollback();
		}
		author.graphQl().documentName("rulesNode").variable("id", version).execute()
			.path("node.status").entity(String.class).isEqualTo("PUBLISHED");
	}

	@Test
	void publishingWithAFailingStoredExampleIsRefusedAndNamesTheExample() {
		String tenant = newTenant("rules-examples");
		RulesApi author = as("sam", tenant, Role.SALES_OPS);
		RulesApi finance = as("fiona", tenant, Role.FINANCE);
		String version = author.created("examples", "EXPRESSION", RulesApi.version(BIG_DEAL, "2026-01-01", List.of(
				RulesApi.example("big closed deal", Map.of("amount", 1000000, "stage", "CLOSED_WON"), true),
				RulesApi.example("small deal is wrongly expected", Map.of("amount", 10.5, "stage", "CLOSED_WON"), true)))).get(1);
		author.step("submit", version);
		finance.step("approve", version);
		finance.step("publish", version).path("publishRuleVersion.version").valueIsNull()
			.path("publishRuleVersion.userErrors[0].code").entity(String.class).isEqualTo("EXAMPLE_FAILED")
			.path("publishRuleVersion.userErrors[0].message").entity(String.class)
			.satisfies(message -> assertThat(message).contains("'small deal is wrongly expected'").contains("expected true, got false"));
		finance.graphQl().documentName("rulesTest").variable("versionId", version).execute()
			.path("testRule.passed").entity(Boolean.class).isEqualTo(false)
			.path("testRule.results[*].passed").entityList(Boolean.class).containsExactly(true, false);
		author.graphQl().documentName("rulesNode").variable("id", version).execute()
			.path("node.status").entity(String.class).isEqualTo("APPROVED");
	}

	@Test
	void theVersionEvaluatedAsOfADayIsTheOneInForceThatDay() {
		String tenant = newTenant("rules-dated");
		RulesApi author = as("sam", tenant, Role.SALES_OPS);
		RulesApi finance = as("fiona", tenant, Role.FINANCE);
		List<String> first = author.created("rate", "EXPRESSION", RulesApi.version(
				RulesApi.expression("amount * 10 / 100", Map.of("amount", "MONEY"), "MONEY"), "2026-01-01", List.of()));
		finance.publishedBy(author, first.get(1));
		Map<String, Object> raised = RulesApi.version(RulesApi.expression("amount * 12 / 100", Map.of("amount", "MONEY"), "MONEY"),
				"2026-07-01", List.of());
		String second = author.createVersion("v2", first.get(0), raised).path("createRuleVersion.version.id").entity(String.class).get();
		finance.publishedBy(author, second);

		for (var day : Map.of("2026-03-31", "1000", "2026-06-30", "1000", "2026-07-01", "1200", "2027-01-01", "1200").entrySet()) {
			finance.evaluate(Map.of("ruleId", first.get(0), "asOf", day.getKey(), "inputs", List.of(Map.of("amount", 10000))))
				.path("evaluateRule.results[0].outputJson").entity(String.class).isEqualTo(day.getValue())
				.path("evaluateRule.asOf").entity(String.class).isEqualTo(day.getKey());
		}
		finance.evaluate(Map.of("ruleId", first.get(0), "asOf", "2025-12-31", "inputs", List.of(Map.of("amount", 1))))
			.path("evaluateRule.userErrors[0].code").entity(String.class).isEqualTo("NO_VERSION_IN_FORCE");
	}

	@Test
	void ruleHistoryTellsWhoChangedTheRuleWhenAndWhy() {
		String tenant = newTenant("rules-history");
		RulesApi author = as("sam", tenant, Role.SALES_OPS);
		RulesApi finance = as("fiona", tenant, Role.FINANCE);
		RulesApi auditor = as("audrey", tenant, Role.AUDITOR);
		List<String> rule = author.created("history", "EXPRESSION", RulesApi.version(BIG_DEAL, "2026-01-01", List.of()));
		finance.publishedBy(author, rule.get(1));
		finance.rollback("rb", rule.get(1)).path("rollbackRule.version.number").entity(Integer.class).isEqualTo(2);

		var history = auditor.graphQl().documentName("rulesHistory").variable("ruleId", rule.get(0))
			.variable("from", "2026-01-01T00:00:00Z").variable("to", "2099-01-01T00:00:00Z").execute();
		history.path("ruleHistory.nodes[*].actor").entityList(String.class).containsExactly("sam", "sam", "fiona", "fiona", "fiona");
		history.path("ruleHistory.nodes[*].toStatus").entityList(String.class)
			.containsExactly("DRAFT", "IN_REVIEW", "APPROVED", "PUBLISHED", "PUBLISHED");
		history.path("ruleHistory.nodes[*].justification").entityList(String.class)
			.containsExactly("first cut", "submit because tested", "approve because tested", "publish because tested", "v2 overpays");
		auditor.graphQl().documentName("rulesHistory").variable("ruleId", rule.get(0)).variable("to", "2020-01-01T00:00:00Z").execute()
			.path("ruleHistory.nodes").entityList(Object.class).hasSize(0);
		// Every step is also in the hash-chained audit log.
		auditor.graphQl().document("{ auditLog(first: 100) { nodes { action actor } } }").execute()
			.path("auditLog.nodes[*].action").entityList(String.class).contains("rules.rule.created", "rules.version.submitted",
					"rules.version.approved", "rules.version.published", "rules.rule.rolled-back");
	}

	@Test
	void anAuditorExportsEveryRuleAndVersionWithDigestsRecordedInTheAuditLog() {
		String tenant = newTenant("rules-export");
		RulesApi author = as("sam", tenant, Role.SALES_OPS);
		RulesApi auditor = as("audrey", tenant, Role.AUDITOR);
		List<String> rule = author.created("exported", "EXPRESSION", RulesApi.version(BIG_DEAL, "2026-01-01", List.of()));
		as("fiona", tenant, Role.FINANCE).publishedBy(author, rule.get(1));
		author.createVersion("v2", rule.get(0), RulesApi.version(BIG_DEAL, "2026-02-01", List.of()));
		var export = auditor.graphQl().document("mutation { exportRules { json jsonSha256 text textSha256 ruleCount versionCount userErrors { code } } }")
			.execute();
		String json = export.path("exportRules.json").entity(String.class).get();
		String text = export.path("exportRules.text").entity(String.class).get();
		export.path("exportRules.jsonSha256").entity(String.class).isEqualTo(com.performanceos.platform.digest.Sha256.hex(json))
			.path("exportRules.textSha256").entity(String.class).isEqualTo(com.performanceos.platform.digest.Sha256.hex(text))
			.path("exportRules.ruleCount").entity(Integer.class).isEqualTo(1)
			.path("exportRules.versionCount").entity(Integer.class).isEqualTo(2);
		assertThat(json).contains("\"name\":\"exported\"").contains("\"status\":\"PUBLISHED\"").contains("\"status\":\"DRAFT\"");
		assertThat(text).contains("Rule exported (EXPRESSION)").contains("Version 1 [PUBLISHED]").contains("approved by fiona")
			.contains("amount >= 1000000 && stage == 'CLOSED_WON'");
		auditor.graphQl().document("{ auditLog(first: 100, action: \"rules.exported\") { nodes { actor after } } }").execute()
			.path("auditLog.nodes[0].actor").entity(String.class).isEqualTo("audrey")
			.path("auditLog.nodes[0].after.jsonSha256").entity(String.class).isEqualTo(com.performanceos.platform.digest.Sha256.hex(json))
			.path("auditLog.nodes[0].after.textSha256").entity(String.class).isEqualTo(com.performanceos.platform.digest.Sha256.hex(text));
		as("rex", tenant, Role.REP).graphQl().document("mutation { exportRules { ruleCount } }").execute()
			.errors().satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "FORBIDDEN")));
	}

	@Test
	void aVersionProposedByAnAiNamesItsModelAndJustification() {
		RulesApi author = as("sam", newTenant("rules-ai"), Role.SALES_OPS);
		Map<String, Object> version = new java.util.HashMap<>(RulesApi.version(BIG_DEAL, "2026-01-01", List.of()));
		version.put("origin", "AI");
		author.createRule("ai-1", "ai-rule", "EXPRESSION", version)
			.path("createRule.userErrors[0].code").entity(String.class).isEqualTo("INVALID_INPUT")
			.path("createRule.userErrors[0].field").entityList(String.class).containsExactly("input", "firstVersion", "aiJustification");
		version.put("aiModel", "mistral-large-2411");
		version.put("aiJustification", "AEs are paid on closed deals above one million in the history");
		author.createRule("ai-2", "ai-rule", "EXPRESSION", version).path("createRule.userErrors").entityList(Object.class).hasSize(0);
	}

}
