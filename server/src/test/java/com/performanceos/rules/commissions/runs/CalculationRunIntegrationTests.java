package com.performanceos.rules.commissions.runs;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.performanceos.testsupport.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Calculation runs through the GraphQL API, against the acceptance list of issue 10. */
class CalculationRunIntegrationTests extends IntegrationTest {

	private CommissionsWorld world(String prefix) {
		return new CommissionsWorld("http://127.0.0.1:" + port, tokens, newTenant(prefix));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> total(Map<String, Object> run, String rep) {
		return ((List<Map<String, Object>>) run.get("totals")).stream().filter(total -> rep.equals(total.get("rep"))).findFirst().orElseThrow();
	}

	private static BigDecimal decimal(Object value) {
		return new BigDecimal(String.valueOf(value));
	}

	@Test
	void theWorkedExamplePays14500GraduatedAnd19500RetroactiveWithTheTraceNamingEachTier() {
		CommissionsWorld world = world("commissions-worked");
		world.importDeals("deals", "D-130,ana,Pro,FR,130000.00,130000.00,CLOSED_WON,2026-03-10,EUR\n");
		world.importQuotas("quotas", "ana,2026-03,100000,EUR\n");
		String graduated = world.publishedPlan("AE graduated", CommissionsWorld.plan("GRADUATED", Map.of()));
		String retroactive = world.publishedPlan("AE retroactive", CommissionsWorld.plan("RETROACTIVE", Map.of()));

		world.assign(graduated, "2026-03", "ana");
		Map<String, Object> first = world.run("graduated", "2026-03", Map.of());
		assertThat(first).containsEntry("status", "SUCCEEDED").containsEntry("lineCount", 1);
		assertThat(decimal(total(first, "ana").get("payable"))).isEqualByComparingTo("14500");
		assertThat(decimal(total(first, "ana").get("attainmentPercent"))).isEqualByComparingTo("130");
		var statement = world.salesOps.documentName("commissionsStatement").variable("rep", "ana").variable("period", "2026-03").execute();
		statement.path("commissionStatement.lines.nodes[0].amount.amount").entity(String.class)
			.satisfies(amount -> assertThat(new BigDecimal(amount)).isEqualByComparingTo("14500"));
		statement.path("commissionStatement.lines.nodes[0].tier").entity(Integer.class).isEqualTo(2);
		statement.path("commissionStatement.lines.nodes[0].trace.tiers.slices[*].name").entityList(String.class).containsExactly("Base", "Accelerator");
		statement.path("commissionStatement.lines.nodes[0].trace.tiers.slices[*].amount").entityList(String.class)
			.satisfies(amounts -> assertThat(amounts).extracting(BigDecimal::new).usingElementComparator(BigDecimal::compareTo)
				.containsExactly(new BigDecimal("10000"), new BigDecimal("4500")));
		statement.path("commissionStatement.lines.nodes[0].trace.plan.versionId").entity(String.class).isEqualTo(graduated);
		statement.path("commissionStatement.lines.nodes[0].trace.deal.ref").entity(String.class).isEqualTo("D-130");

		// The same inputs give the same digest.
		Map<String, Object> again = world.run("graduated-again", "2026-03", Map.of());
		assertThat(again.get("digest")).isEqualTo(first.get("digest")).asString().hasSize(64);

		world.assign(retroactive, "2026-03", "ana");
		Map<String, Object> second = world.run("retroactive", "2026-03", Map.of());
		assertThat(decimal(total(second, "ana").get("payable"))).isEqualByComparingTo("19500");
		assertThat(second.get("digest")).isNotEqualTo(first.get("digest"));
		world.salesOps.documentName("commissionsStatement").variable("rep", "ana").variable("period", "2026-03").execute()
			.path("commissionStatement.lines.nodes[0].trace.tiers.slices[*].name").entityList(String.class).containsExactly("Accelerator");
	}

	@Test
	void splitsCreditBothRepsAndTheManagersRollUpIsKeptApartSoEachDealCountsOnce() {
		CommissionsWorld world = world("commissions-splits");
		world.importDeals("deals", """
				D-50,ana,Pro,FR,50000.00,50000.00,CLOSED_WON,2026-03-10,EUR
				D-10,bob,Pro,FR,10000.00,10000.00,CLOSED_WON,2026-03-12,EUR
				""");
		world.importQuotas("quotas", "ana,2026-03,100000,EUR\nbob,2026-03,100000,EUR\n");
		world.reps(List.of(Map.of("code", "ana", "name", "Ana", "role", "AE"), Map.of("code", "bob", "name", "Bob", "role", "AE"),
				Map.of("code", "max", "name", "Max", "role", "MANAGER")),
				List.of(Map.of("rep", "ana", "manager", "max", "validFrom", "2026-01-01"),
						Map.of("rep", "bob", "manager", "max", "validFrom", "2026-01-01")));
		String dealId = world.dealId("D-50");
		world.salesOps.documentName("commissionsSetCredits").variable("input", Map.of("dealId", dealId, "credits",
				List.of(Map.of("rep", "ana", "sharePercent", "80"), Map.of("rep", "bob", "sharePercent", "30")))).execute()
			.path("setDealCredits.userErrors[*].code").entityList(String.class).containsExactly("SPLIT_NOT_100");
		world.salesOps.documentName("commissionsSetCredits").variable("input", Map.of("dealId", dealId, "credits",
				List.of(Map.of("rep", "ana", "sharePercent", "60"), Map.of("rep", "bob", "sharePercent", "40")))).execute()
			.path("setDealCredits.userErrors").entityList(Object.class).hasSize(0);
		String plan = world.publishedPlan("AE with roll-up", CommissionsWorld.plan("GRADUATED", Map.of("rollUp", Map.of("ratePercent", 1))));
		world.assign(plan, "2026-03", "ana", "bob", "max");

		Map<String, Object> run = world.run("march", "2026-03", Map.of());
		assertThat(decimal(total(run, "ana").get("credited"))).isEqualByComparingTo("30000");
		assertThat(decimal(total(run, "ana").get("payable"))).isEqualByComparingTo("3000");
		assertThat(decimal(total(run, "bob").get("credited"))).isEqualByComparingTo("30000");
		assertThat(decimal(total(run, "max").get("credited"))).isEqualByComparingTo("0");
		assertThat(decimal(total(run, "max").get("rollUpCredited"))).isEqualByComparingTo("60000");
		assertThat(decimal(total(run, "max").get("payable"))).isEqualByComparingTo("600");
		@SuppressWarnings("unchecked")
		BigDecimal bookings = ((List<Map<String, Object>>) run.get("totals")).stream().map(total -> decimal(total.get("credited")))
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		assertThat(bookings).as("each deal counted once in credited bookings").isEqualByComparingTo("60000");
		// The plan's cost is every line once: 3,000 + 3,000 to the reps, 600 of roll-up to the manager.
		assertThat(decimal(((Map<?, ?>) run.get("totalPayable")).get("amount"))).isEqualByComparingTo("6600");
		world.salesOps.documentName("commissionsStatement").variable("rep", "max").variable("period", "2026-03").execute()
			.path("commissionStatement.lines.nodes[*].kind").entityList(String.class).containsExactly("ROLLUP", "ROLLUP", "ROLLUP");
	}

	@Test
	void aLateBackDatedDealDoesNotChangeARunAsKnownAtThePeriodsClose() throws InterruptedException {
		CommissionsWorld world = world("commissions-bitemporal");
		world.importDeals("deals", "D-1,ana,Pro,FR,40000.00,40000.00,CLOSED_WON,2026-03-10,EUR\n");
		world.importQuotas("quotas", "ana,2026-03,100000,EUR\n");
		world.assign(world.publishedPlan("AE", CommissionsWorld.plan("GRADUATED", Map.of())), "2026-03", "ana");
		Map<String, Object> atClose = world.run("close", "2026-03", Map.of());
		Instant close = Instant.now();
		Thread.sleep(5);
		world.importDeals("late", "D-2,ana,Pro,FR,20000.00,20000.00,CLOSED_WON,2026-03-15,EUR\n");

		Map<String, Object> asKnownAtClose = world.run("rerun-close", "2026-03", Map.of("knownAt", close.toString()));
		assertThat(asKnownAtClose.get("digest")).isEqualTo(atClose.get("digest"));
		assertThat(decimal(total(asKnownAtClose, "ana").get("payable"))).isEqualByComparingTo("4000");
		Map<String, Object> asKnownNow = world.run("rerun-now", "2026-03", Map.of());
		assertThat(asKnownNow.get("digest")).isNotEqualTo(atClose.get("digest"));
		assertThat(decimal(total(asKnownNow, "ana").get("payable"))).isEqualByComparingTo("6000");
	}

	@Test
	void aClawbackIsNettedAgainstTheNextPeriodsAndTheRemainderCarriedForward() {
		CommissionsWorld world = world("commissions-clawback");
		world.importDeals("deals", """
				D-M,ana,Pro,FR,50000.00,50000.00,CLOSED_WON,2026-03-10,EUR
				D-A,ana,Pro,FR,30000.00,30000.00,CLOSED_WON,2026-04-05,EUR
				D-Y,ana,Pro,FR,40000.00,40000.00,CLOSED_WON,2026-05-05,EUR
				""");
		world.importQuotas("quotas", "ana,2026-03,100000,EUR\nana,2026-04,100000,EUR\nana,2026-05,100000,EUR\n");
		String plan = world.publishedPlan("AE clawback", CommissionsWorld.plan("GRADUATED", Map.of("clawbackWindowDays", 90)));
		world.assign(plan, "2026-03", "ana");
		world.assign(plan, "2026-04", "ana");
		world.assign(plan, "2026-05", "ana");
		assertThat(decimal(total(world.run("march", "2026-03", Map.of()), "ana").get("payable"))).isEqualByComparingTo("5000");
		world.salesOps.documentName("commissionsCancelDeal").variable("input", Map.of("dealId", world.dealId("D-M"), "cancellationDate", "2026-04-20"))
			.execute().path("cancelDeal.userErrors").entityList(Object.class).hasSize(0);

		// April earns 3,000 and takes back March's 5,000: nothing paid, 2,000 carried forward.
		Map<String, Object> april = total(world.run("april", "2026-04", Map.of()), "ana");
		assertThat(decimal(april.get("clawback"))).isEqualByComparingTo("5000");
		assertThat(decimal(april.get("payable"))).isEqualByComparingTo("0");
		assertThat(decimal(april.get("clawbackCarryOut"))).isEqualByComparingTo("2000");
		// May earns 4,000: 2,000 paid after the carried 2,000.
		Map<String, Object> may = total(world.run("may", "2026-05", Map.of()), "ana");
		assertThat(decimal(may.get("clawbackCarryIn"))).isEqualByComparingTo("2000");
		assertThat(decimal(may.get("payable"))).isEqualByComparingTo("2000");
		assertThat(decimal(may.get("clawbackCarryOut"))).isEqualByComparingTo("0");
	}

	@Test
	void aRecoverableDrawIsRecoveredInTheNextPeriodAndACapLimitsEarnings() {
		CommissionsWorld world = world("commissions-draw");
		world.importDeals("deals", """
				D-1,ana,Pro,FR,10000.00,10000.00,CLOSED_WON,2026-03-10,EUR
				D-2,ana,Pro,FR,80000.00,80000.00,CLOSED_WON,2026-04-10,EUR
				D-3,bob,Pro,FR,130000.00,130000.00,CLOSED_WON,2026-03-11,EUR
				""");
		world.importQuotas("quotas", "ana,2026-03,100000,EUR\nana,2026-04,100000,EUR\nbob,2026-03,100000,EUR\n");
		String drawPlan = world.publishedPlan("AE draw", CommissionsWorld.plan("GRADUATED",
				Map.of("draw", Map.of("amountPerPeriod", 3000, "recoverable", true))));
		String capPlan = world.publishedPlan("AE cap", CommissionsWorld.plan("RETROACTIVE", Map.of("capPerPeriod", 15000)));
		world.assign(drawPlan, "2026-03", "ana");
		world.assign(drawPlan, "2026-04", "ana");
		world.assign(capPlan, "2026-03", "bob");
		Map<String, Object> march = world.run("march", "2026-03", Map.of());
		assertThat(decimal(total(march, "ana").get("drawPaid"))).isEqualByComparingTo("2000");
		assertThat(decimal(total(march, "ana").get("payable"))).isEqualByComparingTo("3000");
		assertThat(decimal(total(march, "ana").get("drawBalanceOut"))).isEqualByComparingTo("2000");
		assertThat(decimal(total(march, "bob").get("gross"))).isEqualByComparingTo("19500");
		assertThat(decimal(total(march, "bob").get("capAdjustment"))).isEqualByComparingTo("-4500");
		assertThat(decimal(total(march, "bob").get("payable"))).isEqualByComparingTo("15000");
		Map<String, Object> april = total(world.run("april", "2026-04", Map.of()), "ana");
		assertThat(decimal(april.get("drawRecovered"))).isEqualByComparingTo("2000");
		assertThat(decimal(april.get("payable"))).isEqualByComparingTo("6000");
		assertThat(decimal(april.get("drawBalanceOut"))).isEqualByComparingTo("0");
	}

	@Test
	void aPlanVersionThatIsNotPublishedOrNotAPlanCannotBeAssigned() {
		CommissionsWorld world = world("commissions-assign");
		var created = world.salesOps.documentName("rulesCreateRule").variable("input", Map.of("idempotencyKey", "draft", "name", "draft-plan",
				"kind", "COMMISSION_PLAN", "description", "not yet", "firstVersion", Map.of("definition", CommissionsWorld.plan("GRADUATED", Map.of()),
						"examples", List.of(), "origin", "HUMAN", "changeNote", "first cut", "validFrom", "2026-01-01")))
			.execute();
		String draft = created.path("createRule.version.id").entity(String.class).get();
		world.salesOps.documentName("commissionsAssign").variable("input", Map.of("planVersionId", draft, "period", "2026-03", "reps", List.of("ana")))
			.execute().path("assignCommissionPlan.userErrors[*].code").entityList(String.class).containsExactly("PLAN_NOT_PUBLISHED");
		// A plan definition with problems is refused when saved, naming where.
		world.salesOps.documentName("rulesCreateRule").variable("input", Map.of("idempotencyKey", "bad", "name", "bad-plan", "kind", "COMMISSION_PLAN",
				"description", "broken", "firstVersion", Map.of("definition", Map.of("currency", "EUR", "eligibility", "stage == 1"), "examples", List.of(),
						"origin", "HUMAN", "changeNote", "first cut", "validFrom", "2026-01-01")))
			.execute().path("createRule.userErrors[0].code").entity(String.class).isEqualTo("INVALID_DEFINITION");
	}

}
