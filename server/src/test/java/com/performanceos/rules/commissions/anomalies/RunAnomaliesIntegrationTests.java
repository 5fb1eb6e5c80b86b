package com.performanceos.rules.commissions.anomalies;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;

import com.performanceos.platform.security.Role;
import com.performanceos.platform.tenancy.TenantDatabase;
import com.performanceos.rules.commissions.runs.CommissionsWorld;
import com.performanceos.rules.commissions.runs.RunRecords;
import com.performanceos.testsupport.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** A run's anomalies through GraphQL, each triggered by a fixture, and the critical ones blocking its submission. */
class RunAnomaliesIntegrationTests extends IntegrationTest {

	@Autowired
	private TenantDatabase database;

	@Autowired
	private CriticalAnomalies critical;

	private static final ParameterizedTypeReference<List<Map<String, Object>>> ROWS = new ParameterizedTypeReference<>() {
	};

	@Test
	void eachAnomalyIsFoundWithItsSeverityAndTheCriticalOnesBlockSubmission() {
		CommissionsWorld world = new CommissionsWorld("http://127.0.0.1:" + port, tokens, newTenant("anomalies"));
		// Ana's usual deals (and the product's): 9,000 to 12,000 over January and February.
		world.importDeals("deals", """
				H-1,ana,Pro,FR,9000.00,9000.00,CLOSED_WON,2026-01-05,EUR
				H-2,ana,Pro,FR,9500.00,9500.00,CLOSED_WON,2026-01-12,EUR
				H-3,ana,Pro,FR,10000.00,10000.00,CLOSED_WON,2026-01-19,EUR
				H-4,ana,Pro,FR,10500.00,10500.00,CLOSED_WON,2026-02-02,EUR
				H-5,ana,Pro,FR,11000.00,11000.00,CLOSED_WON,2026-02-09,EUR
				H-6,ana,Pro,FR,12000.00,12000.00,CLOSED_WON,2026-02-16,EUR
				D-1,ana,Pro,FR,10000.00,10000.00,CLOSED_WON,2026-03-10,EUR
				D-1-AGAIN,ana,Pro,FR,10000.00,10000.00,CLOSED_WON,2026-03-10,EUR
				D-BIG,ana,Pro,FR,500000.00,500000.00,CLOSED_WON,2026-03-12,EUR
				D-DAN,dan,Pro,FR,10000.00,10000.00,CLOSED_WON,2026-03-13,EUR
				""");
		world.importQuotas("quotas", "ana,2026-03,100000,EUR\neve,2026-03,50000,EUR\n");
		String plan = world.publishedPlan("AE", CommissionsWorld.plan("GRADUATED", Map.of()));
		world.assign(plan, "2026-03", "ana");
		String runId = (String) world.run("march", "2026-03", Map.of()).get("id");
		// A line written twice for D-BIG (as a lost retry would): its DIRECT credit now sums to 200 %.
		database.inTransaction(world.tenant, db -> db.sql("""
				INSERT INTO commission_line (tenant_id, id, run_id, seq, rep_code, kind, deal_id, deal_ref, share_percent, credited, amount, tier, trace)
				SELECT tenant_id, gen_random_uuid(), run_id, 1000, rep_code, kind, deal_id, deal_ref, share_percent, credited, amount, tier, trace
				FROM commission_line WHERE deal_ref = 'D-BIG'""").fetch().rowsUpdated()).block();

		var report = world.finance.documentName("commissionRunAnomalies").variable("runId", runId).execute();
		report.path("commissionRunAnomalies.critical").entity(Integer.class).isEqualTo(2)
			.path("commissionRunAnomalies.warning").entity(Integer.class).isEqualTo(3)
			.path("commissionRunAnomalies.info").entity(Integer.class).isEqualTo(1)
			.path("commissionRunAnomalies.blocksSubmission").entity(Boolean.class).isEqualTo(true);
		assertThat(kinds(report.path("commissionRunAnomalies.anomalies").entity(ROWS).get())).containsExactly(
				"CRITICAL DUPLICATE_DEAL ana [D-1, D-1-AGAIN]", "CRITICAL CREDIT_OVER_100 ana [D-BIG]",
				"WARNING AMOUNT_UNUSUAL_FOR_REP ana [D-BIG]", "WARNING AMOUNT_UNUSUAL_FOR_PRODUCT ana [D-BIG]",
				"WARNING REP_WITHOUT_PLAN dan [D-DAN]", "INFO REP_WITHOUT_PLAN eve []");
		assertThat(critical.blocking(world.tenant, RunRecords.runKey(runId).orElseThrow()).block())
			.extracting(Anomaly::kind).containsExactly(AnomalyKind.DUPLICATE_DEAL, AnomalyKind.CREDIT_OVER_100);
		// The approval workflow asks the same question: SALES_OPS cannot submit the run, and is told why.
		var submitted = world.salesOps.documentName("commissionsApprovalSubmit").variable("input", Map.of("runId", runId)).execute();
		submitted.path("submitCommissionRun.userErrors[*].code").entityList(String.class).containsExactly("BLOCKING_ANOMALIES");
		submitted.path("submitCommissionRun.userErrors[0].message").entity(String.class)
			.satisfies(message -> assertThat(message).contains("2 critical anomalies", "D-1-AGAIN", "D-BIG"));
		submitted.path("submitCommissionRun.approval").valueIsNull();

		// Dan's plan, assigned after the run: his won deal is now eligible and the run has no line for it.
		world.assign(plan, "2026-03", "dan");
		assertThat(kinds(world.finance.documentName("commissionRunAnomalies").variable("runId", runId).execute()
			.path("commissionRunAnomalies.anomalies").entity(ROWS).get()))
			.contains("WARNING ELIGIBLE_DEAL_WITHOUT_LINE dan [D-DAN]").noneMatch(kind -> kind.contains("REP_WITHOUT_PLAN dan"));
	}

	@Test
	void anomaliesAreForThoseWhoReadWholeRunsOfTheirOwnTenant() {
		CommissionsWorld world = new CommissionsWorld("http://127.0.0.1:" + port, tokens, newTenant("anomalies-access"));
		world.importDeals("deals", "D-1,ana,Pro,FR,10000.00,10000.00,CLOSED_WON,2026-03-10,EUR\n");
		world.assign(world.publishedPlan("AE", CommissionsWorld.plan("GRADUATED", Map.of())), "2026-03", "ana");
		String runId = (String) world.run("march", "2026-03", Map.of()).get("id");

		world.finance.documentName("commissionRunAnomalies").variable("runId", runId).execute()
			.path("commissionRunAnomalies.blocksSubmission").entity(Boolean.class).isEqualTo(false)
			.path("commissionRunAnomalies.anomalies").entityList(Object.class).hasSize(0);
		world.as("ana-user", Role.REP).documentName("commissionRunAnomalies").variable("runId", runId).execute()
			.errors().satisfy(errors -> assertThat(errors).isNotEmpty()
				.allSatisfy(error -> assertThat(error.getExtensions()).containsEntry("code", "FORBIDDEN")));
		new CommissionsWorld("http://127.0.0.1:" + port, tokens, newTenant("anomalies-other")).finance.documentName("commissionRunAnomalies")
			.variable("runId", runId).execute().path("commissionRunAnomalies").valueIsNull();
	}

	private static List<String> kinds(List<Map<String, Object>> anomalies) {
		return anomalies.stream().map(anomaly -> anomaly.get("severity") + " " + anomaly.get("kind") + " " + anomaly.get("rep") + " "
				+ anomaly.get("dealRefs")).toList();
	}

}
