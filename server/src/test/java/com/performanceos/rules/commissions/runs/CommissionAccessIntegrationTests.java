package com.performanceos.rules.commissions.runs;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import com.performanceos.platform.security.Role;
import com.performanceos.platform.tenancy.TenantDatabase;
import com.performanceos.testsupport.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who reads whose commissions, explanations and what-ifs: a REP only their own, a MANAGER their team as of the
 * period, through every field, cursor and {@code node(id)}.
 */
class CommissionAccessIntegrationTests extends IntegrationTest {

	@Autowired
	private TenantDatabase database;

	private CommissionsWorld march(String prefix) {
		CommissionsWorld world = new CommissionsWorld("http://127.0.0.1:" + port, tokens, newTenant(prefix));
		world.importDeals("deals", """
				D-A,ana,Pro,FR,40000.00,40000.00,CLOSED_WON,2026-03-10,EUR
				D-B,bob,Pro,FR,20000.00,20000.00,CLOSED_WON,2026-03-11,EUR
				D-C,cleo,Pro,FR,10000.00,10000.00,CLOSED_WON,2026-03-12,EUR
				""");
		world.importQuotas("quotas", "ana,2026-03,100000,EUR\nbob,2026-03,100000,EUR\ncleo,2026-03,100000,EUR\n");
		world.reps(List.of(Map.of("code", "ana", "name", "Ana", "role", "AE", "subject", "ana-user"),
				Map.of("code", "bob", "name", "Bob", "role", "AE", "subject", "bob-user"),
				Map.of("code", "cleo", "name", "Cleo", "role", "AE", "subject", "cleo-user"),
				Map.of("code", "max", "name", "Max", "role", "MANAGER", "subject", "max-user")),
				List.of(Map.of("rep", "ana", "manager", "max", "validFrom", "2026-01-01"),
						Map.of("rep", "bob", "manager", "max", "validFrom", "2026-01-01", "validTo", "2026-03-31"),
						Map.of("rep", "cleo", "manager", "max", "validFrom", "2026-04-01")));
		world.assign(world.publishedPlan("AE", CommissionsWorld.plan("GRADUATED", Map.of())), "2026-03", "ana", "bob", "cleo");
		world.run("march", "2026-03", Map.of());
		return world;
	}

	private static String firstLineId(HttpGraphQlTester tester, String rep) {
		return tester.documentName("commissionsStatement").variable("rep", rep).variable("period", "2026-03").execute()
			.path("commissionStatement.lines.nodes[0].id").entity(String.class).get();
	}

	@Test
	void aRepReadsOnlyTheirOwnFiguresThroughEveryFieldAndNode() {
		CommissionsWorld world = march("commissions-rep");
		String bobLine = firstLineId(world.salesOps, "bob");
		HttpGraphQlTester ana = world.as("ana-user", Role.REP);

		ana.documentName("commissionsStatement").variable("rep", "ana").variable("period", "2026-03").execute()
			.path("commissionStatement.total.payable").entity(String.class).satisfies(payable -> assertThat(new BigDecimal(payable))
				.isEqualByComparingTo("4000"))
			.path("commissionStatement.lines.totalCount").entity(Integer.class).isEqualTo(1);
		String anaLine = firstLineId(ana, "ana");
		ana.documentName("commissionsStatement").variable("rep", "bob").variable("period", "2026-03").execute()
			.path("commissionStatement").valueIsNull();
		ana.documentName("commissionsLineNode").variable("id", bobLine).execute().path("node").valueIsNull();
		ana.documentName("commissionsLineNode").variable("id", anaLine).execute().path("node.rep").entity(String.class).isEqualTo("ana");
		ana.document("query($id: ID!) { explainCommissionLine(id: $id) { en } }").variable("id", bobLine).execute()
			.path("explainCommissionLine").valueIsNull();
		ana.document("{ explainStatement(rep: \"bob\", period: \"2026-03\") { en } }").execute().path("explainStatement").valueIsNull();
		// The run, with everyone's totals and lines, is not for reps at all.
		ana.documentName("commissionsRun").variable("id", world.salesOps.documentName("commissionsStatement").variable("rep", "ana")
			.variable("period", "2026-03").execute().path("commissionStatement.runId").entity(String.class).get()).execute()
			.errors().satisfy(errors -> assertThat(errors).isNotEmpty()
				.allSatisfy(error -> assertThat(error.getExtensions()).containsEntry("code", "FORBIDDEN")));
		// A rep with no sales record sees nobody.
		world.as("stranger", Role.REP).documentName("commissionsStatement").variable("rep", "ana").variable("period", "2026-03").execute()
			.path("commissionStatement").valueIsNull();
	}

	@Test
	void aManagerSeesExactlyTheirTeamAsOfThePeriod() {
		CommissionsWorld world = march("commissions-manager");
		HttpGraphQlTester max = world.as("max-user", Role.MANAGER);
		for (String rep : List.of("ana", "bob")) {
			max.documentName("commissionsStatement").variable("rep", rep).variable("period", "2026-03").execute()
				.path("commissionStatement.rep").entity(String.class).isEqualTo(rep);
		}
		// Cleo joins Max's team in April: her March statement is not his to read.
		max.documentName("commissionsStatement").variable("rep", "cleo").variable("period", "2026-03").execute()
			.path("commissionStatement").valueIsNull();
		max.documentName("commissionsLineNode").variable("id", firstLineId(world.salesOps, "cleo")).execute().path("node").valueIsNull();
	}

	@Test
	void explanationsNameTheDealTheTiersAndTheAmountInEnglishAndFrench() {
		CommissionsWorld world = march("commissions-explain");
		HttpGraphQlTester ana = world.as("ana-user", Role.REP);
		var line = ana.document("query($id: ID!) { explainCommissionLine(id: $id) { tree en fr } }").variable("id", firstLineId(ana, "ana")).execute();
		line.path("explainCommissionLine.en").entity(String.class).satisfies(en -> assertThat(en).contains("Deal D-A").contains("credits ana 100 %")
			.contains("Base: 40,000.00 at 10 % = 4,000.00").contains("amount 4,000.00 EUR").contains("row 1"));
		line.path("explainCommissionLine.fr").entity(String.class).satisfies(fr -> assertThat(fr).contains("L'affaire D-A")
			.contains("montant 4 000,00 EUR"));
		line.path("explainCommissionLine.tree.trace.tiers.slices[0].name").entity(String.class).isEqualTo("Base");
		ana.document("{ explainStatement(rep: \"ana\", period: \"2026-03\") { tree en fr } }").execute()
			.path("explainStatement.en").entity(String.class).satisfies(en -> assertThat(en).contains("payable 4,000.00 EUR"))
			.path("explainStatement.tree.lines[0].trace.deal.ref").entity(String.class).isEqualTo("D-A");
	}

	@Test
	void aWhatIfAnswersTheDeltaAndTheTierAndStoresNothing() {
		CommissionsWorld world = march("commissions-whatif");
		HttpGraphQlTester ana = world.as("ana-user", Role.REP);
		long before = storedRows(world.tenant);
		String document = """
				query($input: CommissionWhatIfInput!) {
				  commissionWhatIf(input: $input) { currentPayable whatIfPayable delta tierReached tierName distanceToNextTier currency }
				}""";
		long started = System.nanoTime();
		var big = ana.document(document).variable("input", Map.of("rep", "ana", "period", "2026-03", "deals",
				List.of(Map.of("dealRef", "if-70k", "amount", "70000", "closeDate", "2026-03-20")))).execute();
		long elapsedMs = Duration.ofNanos(System.nanoTime() - started).toMillis();
		// 100,000 × 10 % + 10,000 × 15 % = 11,500 instead of 4,000.
		big.path("commissionWhatIf.whatIfPayable").entity(String.class).satisfies(value -> assertThat(new BigDecimal(value)).isEqualByComparingTo("11500"))
			.path("commissionWhatIf.delta").entity(String.class).satisfies(value -> assertThat(new BigDecimal(value)).isEqualByComparingTo("7500"))
			.path("commissionWhatIf.tierReached").entity(Integer.class).isEqualTo(2)
			.path("commissionWhatIf.tierName").entity(String.class).isEqualTo("Accelerator")
			.path("commissionWhatIf.distanceToNextTier").valueIsNull();
		ana.document(document).variable("input", Map.of("rep", "ana", "period", "2026-03", "deals",
				List.of(Map.of("dealRef", "if-20k", "amount", "20000", "closeDate", "2026-03-20")))).execute()
			.path("commissionWhatIf.delta").entity(String.class).satisfies(value -> assertThat(new BigDecimal(value)).isEqualByComparingTo("2000"))
			.path("commissionWhatIf.tierReached").entity(Integer.class).isEqualTo(1)
			.path("commissionWhatIf.distanceToNextTier").entity(String.class)
			.satisfies(value -> assertThat(new BigDecimal(value)).isEqualByComparingTo("40000"));
		ana.document(document).variable("input", Map.of("rep", "bob", "period", "2026-03", "deals",
				List.of(Map.of("dealRef", "if-bob", "amount", "1000", "closeDate", "2026-03-20")))).execute()
			.path("commissionWhatIf").valueIsNull();
		assertThat(storedRows(world.tenant)).as("runs, lines and audit records").isEqualTo(before);
		// The timing is reported, not asserted: latency claims belong to bench/.
		System.out.println("commissionWhatIf for one rep answered in " + elapsedMs + " ms (first call, shared test machine)");
	}

	private long storedRows(String tenant) {
		return database.inTransaction(tenant, db -> db.sql("SELECT (SELECT count(*) FROM commission_run) + (SELECT count(*) FROM commission_line) "
				+ "+ (SELECT count(*) FROM audit_log) AS total").map(row -> row.get("total", Long.class)).one()).block();
	}

}
