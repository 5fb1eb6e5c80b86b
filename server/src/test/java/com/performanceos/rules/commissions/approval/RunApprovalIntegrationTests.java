package com.performanceos.rules.commissions.approval;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import com.performanceos.platform.security.Role;
import com.performanceos.rules.commissions.runs.CommissionsWorld;
import com.performanceos.testsupport.IntegrationInstrumentation;
import com.performanceos.testsupport.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The approval of calculation runs through the GraphQL API (issue 10, build point 4 and the accrual acceptance): Sam
 * (SALES_OPS) submits, Max and Lea (managers of Ana and Bob) sign for their teams, Fiona (FINANCE) approves, which
 * posts the accruals, and Felix (FINANCE) pays or reverses.
 */
class RunApprovalIntegrationTests extends IntegrationTest {

	@org.springframework.beans.factory.annotation.Autowired
	private ApprovalEscalationSchedule schedule;

	private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<List<Map<String, Object>>> OBJECTS = new ParameterizedTypeReference<>() {
	};

	/** A tenant with Ana (4,000 EUR) managed by Max and Bob (2,000 EUR) managed by Lea, and March 2026 computed. */
	private record Setup(CommissionsWorld world, String runId, String digest) {
	}

	private Setup computedMarch(String prefix) {
		CommissionsWorld world = new CommissionsWorld("http://127.0.0.1:" + port, tokens, newTenant(prefix));
		world.importDeals("deals", """
				D-1,ana,Pro,FR,40000.00,40000.00,CLOSED_WON,2026-03-10,EUR
				D-2,bob,Pro,FR,20000.00,20000.00,CLOSED_WON,2026-03-12,EUR
				""");
		world.importQuotas("quotas", "ana,2026-03,100000,EUR\nbob,2026-03,100000,EUR\n");
		world.reps(List.of(rep("ana", "AE", "ana"), rep("bob", "AE", "bob"), rep("max", "MANAGER", "max"), rep("lea", "MANAGER", "lea"),
				rep("olga", "MANAGER", "olga")),
				List.of(Map.of("rep", "ana", "manager", "max", "validFrom", "2026-01-01"), Map.of("rep", "bob", "manager", "lea", "validFrom", "2026-01-01")));
		world.assign(world.publishedPlan("AE", CommissionsWorld.plan("GRADUATED", Map.of())), "2026-03", "ana", "bob");
		Map<String, Object> run = world.run("march", "2026-03", Map.of());
		assertThat(run).containsEntry("status", "SUCCEEDED");
		return new Setup(world, (String) run.get("id"), (String) run.get("digest"));
	}

	private static Map<String, Object> rep(String code, String role, String subject) {
		return Map.of("code", code, "name", code, "role", role, "subject", subject);
	}

	/** The ledger's side: the two accounts and the REP dimension with a member per rep. */
	private static void ledgerReady(CommissionsWorld world) {
		HttpGraphQlTester admin = world.as("root", Role.ADMIN);
		for (List<String> account : List.of(List.of("6413", "Commissions", "EXPENSE"), List.of("4286", "Accrued commissions", "LIABILITY"))) {
			admin.documentName("createAccount").variable("input", Map.of("idempotencyKey", "account-" + account.get(0), "code", account.get(0),
					"name", account.get(1), "type", account.get(2), "currency", "EUR")).execute()
				.path("createAccount.userErrors").entityList(Object.class).hasSize(0);
		}
		String dimension = admin.documentName("coreCreateDimension").variable("input", Map.of("idempotencyKey", "rep", "code", "REP", "name", "Sales rep"))
			.execute().path("createDimension.dimension.id").entity(String.class).get();
		for (String member : List.of("ana", "bob")) {
			admin.documentName("coreCreateDimensionMember").variable("input", Map.of("idempotencyKey", "rep-" + member, "dimensionId", dimension,
					"code", member, "name", member)).execute().path("createDimensionMember.userErrors").entityList(Object.class).hasSize(0);
		}
	}

	private static GraphQlTester.Response step(HttpGraphQlTester as, String document, String runId, String comment) {
		return as.documentName(document).variable("input", comment == null ? Map.of("runId", runId) : Map.of("runId", runId, "comment", comment))
			.execute();
	}

	private static void accepted(GraphQlTester.Response response, String field, String status) {
		response.path(field + ".userErrors").entityList(Object.class).hasSize(0);
		response.path(field + ".approval.status").entity(String.class).isEqualTo(status);
	}

	private static void refused(GraphQlTester.Response response, String field, String code) {
		response.path(field + ".userErrors[*].code").entityList(String.class).containsExactly(code);
		response.path(field + ".approval").valueIsNull();
	}

	private static BigDecimal decimal(Object value) {
		return new BigDecimal(String.valueOf(value));
	}

	@Test
	void anApprovedRunsAccrualsBalanceCarryTheRepAndTheRunsLineageAndTheirReversalNetsToZero() {
		Setup setup = computedMarch("approval-accruals");
		CommissionsWorld world = setup.world();
		ledgerReady(world);
		accepted(step(world.salesOps, "commissionsApprovalSubmit", setup.runId(), "March is ready"), "submitCommissionRun", "SUBMITTED");
		accepted(step(world.as("max", Role.MANAGER), "commissionsApprovalApprove", setup.runId(), null), "approveCommissionRun", "SUBMITTED");
		accepted(step(world.as("lea", Role.MANAGER), "commissionsApprovalApprove", setup.runId(), "Bob's deal checked"), "approveCommissionRun",
				"MANAGER_APPROVED");
		GraphQlTester.Response approved = step(world.finance, "commissionsApprovalApprove", setup.runId(), null);
		accepted(approved, "approveCommissionRun", "APPROVED");
		List<String> entries = approved.path("approveCommissionRun.approval.accrualEntryIds").entityList(String.class).hasSize(1).get();

		Map<String, Object> entry = world.finance.documentName("commissionsAccrualEntry").variable("id", entries.getFirst()).execute()
			.path("node").entity(OBJECT).get();
		assertThat(entry).containsEntry("effectiveDate", "2026-03-31");
		assertThat((String) entry.get("description")).contains(setup.runId(), setup.digest());
		assertThat((String) entry.get("reference")).startsWith("commission-accrual:");
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> lines = (List<Map<String, Object>>) entry.get("lines");
		assertThat(lines).extracting(line -> ((Map<?, ?>) line.get("account")).get("code") + " " + line.get("side") + " "
				+ decimal(((Map<?, ?>) line.get("amount")).get("amount")).stripTrailingZeros().toPlainString() + " "
				+ ((List<?>) line.get("dimensions")).stream().map(value -> ((Map<?, ?>) value).get("dimensionCode") + "=" + ((Map<?, ?>) value).get("memberCode")).toList())
			.containsExactly("6413 DEBIT 4000 [REP=ana]", "4286 CREDIT 4000 [REP=ana]", "6413 DEBIT 2000 [REP=bob]", "4286 CREDIT 2000 [REP=bob]");
		assertThat(balances(world, "2026-03-31")).containsEntry("6413", List.of("6000", "0")).containsEntry("4286", List.of("0", "6000"));

		// The analytics cube follows the journal through the outbox: March's cells hold the four lines.
		Map<String, Object> cube = Map.of("measures", List.of("DEBIT", "CREDIT", "LINE_COUNT"), "dimensions", List.of("ACCOUNT"), "grain", "MONTH",
				"effectiveFrom", "2026-03-01", "effectiveTo", "2026-03-31");
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> world.finance
			.documentName("ledgerCube").variable("input", cube).execute().path("ledgerCube.rows[*].lineCount").entityList(Integer.class).get()
			.stream().mapToInt(Integer::intValue).sum() == 4);
		List<Map<String, Object>> cells = world.finance.documentName("ledgerCube").variable("input", cube).execute().path("ledgerCube.rows")
			.entity(OBJECTS).get();
		assertThat(cells).extracting(cell -> ((Map<?, ?>) cell.get("account")).get("code") + " " + decimal(cell.get("debit")).stripTrailingZeros()
				.toPlainString() + "/" + (decimal(cell.get("credit")).signum() == 0 ? "0" : decimal(cell.get("credit")).stripTrailingZeros().toPlainString()))
			.containsExactlyInAnyOrder("6413 6000/0", "4286 0/6000");

		HttpGraphQlTester felix = world.as("felix", Role.FINANCE);
		refused(step(felix, "commissionsApprovalReverse", setup.runId(), " "), "reverseCommissionRun", "REASON_REQUIRED");
		GraphQlTester.Response reversed = step(felix, "commissionsApprovalReverse", setup.runId(), "Deal D-1 was booked twice in the CRM");
		accepted(reversed, "reverseCommissionRun", "REVERSED");
		reversed.path("reverseCommissionRun.approval.reversalEntryIds").entityList(String.class).hasSize(1);
		String today = LocalDate.now(ZoneOffset.UTC).toString();
		assertThat(balances(world, today)).containsEntry("6413", List.of("6000", "6000")).containsEntry("4286", List.of("6000", "6000"));
		assertThat(nets(world, today)).containsEntry("6413", "0").containsEntry("4286", "0");
		refused(step(felix, "commissionsApprovalPay", setup.runId(), null), "markCommissionRunPaid", "ILLEGAL_TRANSITION");

		List<Map<String, Object>> audit = world.as("audrey", Role.AUDITOR).documentName("auditLog").variable("first", 100).execute()
			.path("auditLog.edges[*].node").entity(OBJECTS).get();
		assertThat(audit).extracting(record -> record.get("action")).contains("commissions.run.submitted", "commissions.run.manager-approved",
				"commissions.run.approved", "commissions.run.reversed");
	}

	/** Debit and credit totals per account code as of the day, as plain numbers. */
	private static Map<String, List<String>> balances(CommissionsWorld world, String asOf) {
		Map<String, List<String>> byCode = new java.util.TreeMap<>();
		for (Map<String, Object> node : balanceNodes(world, asOf)) {
			byCode.put(code(node), List.of(plain(node.get("debitTotal")), plain(node.get("creditTotal"))));
		}
		return byCode;
	}

	/** Net balances per account code as of the day, as plain numbers. */
	private static Map<String, String> nets(CommissionsWorld world, String asOf) {
		Map<String, String> byCode = new java.util.TreeMap<>();
		for (Map<String, Object> node : balanceNodes(world, asOf)) {
			byCode.put(code(node), plain(node.get("net")));
		}
		return byCode;
	}

	private static List<Map<String, Object>> balanceNodes(CommissionsWorld world, String asOf) {
		return world.finance.documentName("accountBalances").variable("asOf", asOf).execute().path("accountBalances.nodes").entity(OBJECTS).get();
	}

	private static String code(Map<String, Object> node) {
		return (String) ((Map<?, ?>) node.get("account")).get("code");
	}

	private static String plain(Object money) {
		BigDecimal amount = decimal(((Map<?, ?>) money).get("amount"));
		return amount.signum() == 0 ? "0" : amount.stripTrailingZeros().toPlainString();
	}

	@Test
	void separationOfDutiesRefusesTheSubmitterAnyoneSigningTwoStepsAndStepsOutOfOrder() {
		Setup setup = computedMarch("approval-sod");
		CommissionsWorld world = setup.world();
		refused(step(world.finance, "commissionsApprovalApprove", setup.runId(), null), "approveCommissionRun", "ILLEGAL_TRANSITION");
		accepted(step(world.salesOps, "commissionsApprovalSubmit", setup.runId(), null), "submitCommissionRun", "SUBMITTED");
		refused(step(world.salesOps, "commissionsApprovalSubmit", setup.runId(), null), "submitCommissionRun", "ILLEGAL_TRANSITION");
		// Sam submitted: even holding the MANAGER role he may not approve.
		refused(step(world.as("sam", Role.SALES_OPS, Role.MANAGER), "commissionsApprovalApprove", setup.runId(), null), "approveCommissionRun",
				"SEPARATION_OF_DUTIES");
		refused(step(world.finance, "commissionsApprovalApprove", setup.runId(), null), "approveCommissionRun", "WRONG_ROLE");
		accepted(step(world.as("max", Role.MANAGER), "commissionsApprovalApprove", setup.runId(), null), "approveCommissionRun", "SUBMITTED");
		refused(step(world.as("max", Role.MANAGER), "commissionsApprovalApprove", setup.runId(), null), "approveCommissionRun", "SEPARATION_OF_DUTIES");
		accepted(step(world.as("lea", Role.MANAGER), "commissionsApprovalApprove", setup.runId(), null), "approveCommissionRun", "MANAGER_APPROVED");
		// Max signed as a manager: with FINANCE's role too he still may not sign FINANCE's step.
		refused(step(world.as("max", Role.MANAGER, Role.FINANCE), "commissionsApprovalApprove", setup.runId(), null), "approveCommissionRun",
				"SEPARATION_OF_DUTIES");
		// Without the accounts and the REP dimension the ledger refuses the accruals, and nothing moves.
		GraphQlTester.Response noLedger = step(world.finance, "commissionsApprovalApprove", setup.runId(), null);
		refused(noLedger, "approveCommissionRun", "ACCRUAL_REFUSED");
		noLedger.path("approveCommissionRun.userErrors[0].message").entity(String.class).satisfies(message -> assertThat(message).contains("6413"));
		ledgerReady(world);
		accepted(step(world.finance, "commissionsApprovalApprove", setup.runId(), "Checked against the CRM"), "approveCommissionRun", "APPROVED");
		refused(step(world.finance, "commissionsApprovalPay", setup.runId(), null), "markCommissionRunPaid", "SEPARATION_OF_DUTIES");
		GraphQlTester.Response paid = step(world.as("felix", Role.FINANCE), "commissionsApprovalPay", setup.runId(), "Payroll of April");
		accepted(paid, "markCommissionRunPaid", "PAID");
		paid.path("markCommissionRunPaid.approval.steps[*].action").entityList(String.class)
			.containsExactly("SUBMIT", "MANAGER_APPROVE", "MANAGER_APPROVE", "FINANCE_APPROVE", "PAY");
		paid.path("markCommissionRunPaid.approval.steps[*].actor").entityList(String.class).containsExactly("sam", "max", "lea", "fiona", "felix");
		paid.path("markCommissionRunPaid.approval.steps[3].comment").entity(String.class).isEqualTo("Checked against the CRM");
	}

	@Test
	void aManagerSignsAndReturnsOnlyForTheirTeamAndRepsCannotActOrRead() {
		Setup setup = computedMarch("approval-team");
		CommissionsWorld world = setup.world();
		HttpGraphQlTester ana = world.as("ana", Role.REP);
		ana.documentName("commissionsApprovalSubmit").variable("input", Map.of("runId", setup.runId())).execute().errors()
			.satisfy(errors -> assertThat(errors).isNotEmpty().allSatisfy(error -> assertThat(error.getExtensions()).containsEntry("code", "FORBIDDEN")));
		accepted(step(world.salesOps, "commissionsApprovalSubmit", setup.runId(), null), "submitCommissionRun", "SUBMITTED");
		ana.documentName("commissionsApproval").variable("runId", setup.runId()).execute().errors()
			.satisfy(errors -> assertThat(errors).isNotEmpty().allSatisfy(error -> assertThat(error.getExtensions()).containsEntry("code", "FORBIDDEN")));
		// Olga manages nobody in this run; Max manages Ana only, so his signature covers Ana and the run still waits for Lea.
		refused(step(world.as("olga", Role.MANAGER), "commissionsApprovalApprove", setup.runId(), null), "approveCommissionRun", "NOT_YOUR_TEAM");
		refused(step(world.as("olga", Role.MANAGER), "commissionsApprovalReturn", setup.runId(), "not mine"), "returnCommissionRun", "NOT_YOUR_TEAM");
		GraphQlTester.Response max = step(world.as("max", Role.MANAGER), "commissionsApprovalApprove", setup.runId(), null);
		max.path("approveCommissionRun.approval.steps[1].reps").entityList(String.class).containsExactly("ana");
		refused(step(world.as("lea", Role.MANAGER), "commissionsApprovalReturn", setup.runId(), null), "returnCommissionRun", "REASON_REQUIRED");
		GraphQlTester.Response returned = step(world.as("lea", Role.MANAGER), "commissionsApprovalReturn", setup.runId(), "Bob's quota is wrong");
		accepted(returned, "returnCommissionRun", "RETURNED");
		// A new cycle: Max signs again, for the corrected run.
		GraphQlTester.Response resubmitted = step(world.salesOps, "commissionsApprovalSubmit", setup.runId(), "Quota fixed");
		accepted(resubmitted, "submitCommissionRun", "SUBMITTED");
		resubmitted.path("submitCommissionRun.approval.cycle").entity(Integer.class).isEqualTo(2);
		accepted(step(world.as("max", Role.MANAGER), "commissionsApprovalApprove", setup.runId(), null), "approveCommissionRun", "SUBMITTED");
	}

	@Test
	void aManagerReadsTheApprovalOfARunOfTheirTeamOnlyWithOtherTeamsSignOffsNarrowed() {
		Setup setup = computedMarch("approval-read");
		CommissionsWorld world = setup.world();
		accepted(step(world.salesOps, "commissionsApprovalSubmit", setup.runId(), "March is ready"), "submitCommissionRun", "SUBMITTED");
		accepted(step(world.as("max", Role.MANAGER), "commissionsApprovalApprove", setup.runId(), "Ana's deals checked"), "approveCommissionRun",
				"SUBMITTED");
		GraphQlTester.Response lea = step(world.as("lea", Role.MANAGER), "commissionsApprovalApprove", setup.runId(), "Bob's deal checked");
		accepted(lea, "approveCommissionRun", "MANAGER_APPROVED");
		// Lea's own answer already shows Max's sign-off without Ana and without his comment.
		lea.path("approveCommissionRun.approval.steps[1].actor").entity(String.class).isEqualTo("max")
			.path("approveCommissionRun.approval.steps[1].reps").entityList(String.class).hasSize(0)
			.path("approveCommissionRun.approval.steps[1].comment").valueIsNull()
			.path("approveCommissionRun.approval.steps[2].reps").entityList(String.class).containsExactly("bob");

		GraphQlTester.Response byMax = world.as("max", Role.MANAGER).documentName("commissionsApproval").variable("runId", setup.runId()).execute();
		byMax.path("commissionRunApproval.status").entity(String.class).isEqualTo("MANAGER_APPROVED")
			.path("commissionRunApproval.steps[*].action").entityList(String.class).containsExactly("SUBMIT", "MANAGER_APPROVE", "MANAGER_APPROVE")
			.path("commissionRunApproval.steps[0].comment").entity(String.class).isEqualTo("March is ready")
			.path("commissionRunApproval.steps[1].reps").entityList(String.class).containsExactly("ana")
			.path("commissionRunApproval.steps[1].comment").entity(String.class).isEqualTo("Ana's deals checked")
			.path("commissionRunApproval.steps[2].actor").entity(String.class).isEqualTo("lea")
			.path("commissionRunApproval.steps[2].reps").entityList(String.class).hasSize(0)
			.path("commissionRunApproval.steps[2].comment").valueIsNull();
		// Olga manages nobody in this run: for her it does not exist, as for a rep it is forbidden.
		world.as("olga", Role.MANAGER).documentName("commissionsApproval").variable("runId", setup.runId()).execute()
			.path("commissionRunApproval").valueIsNull();
		// FINANCE, SALES_OPS and AUDITOR read it whole.
		for (HttpGraphQlTester whole : List.of(world.finance, world.salesOps, world.as("audrey", Role.AUDITOR))) {
			whole.documentName("commissionsApproval").variable("runId", setup.runId()).execute()
				.path("commissionRunApproval.steps[1].reps").entityList(String.class).containsExactly("ana")
				.path("commissionRunApproval.steps[2].reps").entityList(String.class).containsExactly("bob")
				.path("commissionRunApproval.steps[2].comment").entity(String.class).isEqualTo("Bob's deal checked");
		}
	}

	@Test
	void aRunWithCriticalAnomaliesCannotBeSubmitted() {
		Setup setup = computedMarch(IntegrationInstrumentation.ANOMALOUS_RUNS_TENANT);
		GraphQlTester.Response refused = step(setup.world().salesOps, "commissionsApprovalSubmit", setup.runId(), null);
		refused(refused, "submitCommissionRun", "BLOCKING_ANOMALIES");
		refused.path("submitCommissionRun.userErrors[0].message").entity(String.class)
			.satisfies(message -> assertThat(message).contains("Deal D-1 is counted twice"));
		setup.world().finance.documentName("commissionsApproval").variable("runId", setup.runId()).execute().path("commissionRunApproval").valueIsNull();
	}

	@Test
	void aStepWaitingLongerThanAllowedIsEscalatedOnceAsOfTheGivenInstant() {
		Setup setup = computedMarch("approval-escalation");
		CommissionsWorld world = setup.world();
		accepted(step(world.salesOps, "commissionsApprovalSubmit", setup.runId(), null), "submitCommissionRun", "SUBMITTED");
		Instant now = Instant.now();
		assertThat(escalate(world, now.plus(Duration.ofDays(2)))).isEmpty();
		assertThat(escalate(world, now.plus(Duration.ofDays(4)))).containsExactly(setup.runId());
		assertThat(escalate(world, now.plus(Duration.ofDays(5)))).as("each wait is escalated once").isEmpty();
		// The schedule escalates as of now: nothing waited three days yet.
		schedule.runAll().block(Duration.ofSeconds(30));
		world.as("audrey", Role.AUDITOR).documentName("auditLog").variable("first", 100).variable("action", ApprovalEscalations.ACTION).execute()
			.path("auditLog.edges[*].node.after").entityList(Object.class).hasSize(1);
		Map<String, Object> approval = world.finance.documentName("commissionsApproval").variable("runId", setup.runId()).execute()
			.path("commissionRunApproval").entity(OBJECT).get();
		assertThat(approval.get("escalatedAt")).isNotNull();
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> steps = (List<Map<String, Object>>) approval.get("steps");
		assertThat(steps).extracting(each -> each.get("action")).containsExactly("SUBMIT", "ESCALATE");
		// The next step starts a new wait, escalated again only when it too lasts too long.
		accepted(step(world.as("max", Role.MANAGER), "commissionsApprovalApprove", setup.runId(), null), "approveCommissionRun", "SUBMITTED");
		accepted(step(world.as("lea", Role.MANAGER), "commissionsApprovalApprove", setup.runId(), null), "approveCommissionRun", "MANAGER_APPROVED");
		assertThat(escalate(world, Instant.now().plus(Duration.ofDays(2)))).isEmpty();
		assertThat(escalate(world, Instant.now().plus(Duration.ofDays(4)))).containsExactly(setup.runId());
	}

	private static List<String> escalate(CommissionsWorld world, Instant asOf) {
		GraphQlTester.Response response = world.salesOps.documentName("commissionsApprovalEscalate")
			.variable("input", Map.of("asOf", asOf.atOffset(ZoneOffset.UTC).toString())).execute();
		response.path("escalateCommissionApprovals.userErrors").entityList(Object.class).hasSize(0);
		return response.path("escalateCommissionApprovals.runIds").entityList(String.class).get();
	}

}
