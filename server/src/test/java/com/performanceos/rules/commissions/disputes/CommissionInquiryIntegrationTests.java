package com.performanceos.rules.commissions.disputes;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import com.performanceos.platform.security.Role;
import com.performanceos.platform.tenancy.TenantDatabase;
import com.performanceos.rules.commissions.runs.CommissionsWorld;
import com.performanceos.testsupport.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Inquiries through GraphQL: a rep disputes a line, SALES_OPS answers in a thread and resolves with an adjustment on
 * the next statement or rejects; states and ageing; and nobody reads or acts on another rep's inquiry.
 */
class CommissionInquiryIntegrationTests extends IntegrationTest {

	private static final String DOCUMENT = "commissionInquiry";

	@Autowired
	private TenantDatabase database;

	/** March and April for Ana, Bob and Cleo; Max manages Ana and Bob in March, Cleo from April. */
	private CommissionsWorld world(String prefix) {
		CommissionsWorld world = new CommissionsWorld("http://127.0.0.1:" + port, tokens, newTenant(prefix));
		world.importDeals("deals", """
				D-A,ana,Pro,FR,40000.00,40000.00,CLOSED_WON,2026-03-10,EUR
				D-B,bob,Pro,FR,20000.00,20000.00,CLOSED_WON,2026-03-11,EUR
				D-C,cleo,Pro,FR,10000.00,10000.00,CLOSED_WON,2026-03-12,EUR
				D-A2,ana,Pro,FR,5000.00,5000.00,CLOSED_WON,2026-04-10,EUR
				""");
		world.reps(List.of(Map.of("code", "ana", "name", "Ana", "role", "AE", "subject", "ana-user"),
				Map.of("code", "bob", "name", "Bob", "role", "AE", "subject", "bob-user"),
				Map.of("code", "cleo", "name", "Cleo", "role", "AE", "subject", "cleo-user"),
				Map.of("code", "max", "name", "Max", "role", "MANAGER", "subject", "max-user")),
				List.of(Map.of("rep", "ana", "manager", "max", "validFrom", "2026-01-01"),
						Map.of("rep", "bob", "manager", "max", "validFrom", "2026-01-01", "validTo", "2026-03-31"),
						Map.of("rep", "cleo", "manager", "max", "validFrom", "2026-04-01")));
		String plan = world.publishedPlan("AE", CommissionsWorld.plan("GRADUATED", Map.of()));
		world.assign(plan, "2026-03", "ana", "bob", "cleo");
		world.assign(plan, "2026-04", "ana");
		world.run("march", "2026-03", Map.of());
		return world;
	}

	private static String lineOf(HttpGraphQlTester tester, String rep) {
		return tester.documentName("commissionsStatement").variable("rep", rep).variable("period", "2026-03").execute()
			.path("commissionStatement.lines.nodes[0].id").entity(String.class).get();
	}

	private static GraphQlTester.Response call(HttpGraphQlTester tester, String operation, Map<String, Object> input) {
		return tester.documentName(DOCUMENT).operationName(operation).variable("input", input).execute();
	}

	private static String open(HttpGraphQlTester rep, String key, String lineId) {
		GraphQlTester.Response opened = call(rep, "OpenInquiry", Map.of("idempotencyKey", key, "lineId", lineId, "message", "My rate looks wrong"));
		opened.path("openCommissionInquiry.userErrors").entityList(Object.class).hasSize(0);
		return opened.path("openCommissionInquiry.inquiry.id").entity(String.class).get();
	}

	@Test
	void aRepDisputesALineSalesOpsAnswersAndResolvesWithAnAuditedAdjustmentOnTheNextStatement() {
		CommissionsWorld world = world("inquiry-resolve");
		HttpGraphQlTester ana = world.as("ana-user", Role.REP);
		String line = lineOf(ana, "ana");

		GraphQlTester.Response opened = call(ana, "OpenInquiry", Map.of("idempotencyKey", "ana-1", "lineId", line, "message", "My rate looks wrong"));
		String id = opened.path("openCommissionInquiry.inquiry.id").entity(String.class).get();
		opened.path("openCommissionInquiry.inquiry.status").entity(String.class).isEqualTo("OPEN")
			.path("openCommissionInquiry.inquiry.rep").entity(String.class).isEqualTo("ana")
			.path("openCommissionInquiry.inquiry.dealRef").entity(String.class).isEqualTo("D-A")
			.path("openCommissionInquiry.inquiry.messages[0].body").entity(String.class).isEqualTo("My rate looks wrong");
		// The same key answers the same inquiry; with another message it is a conflict.
		call(ana, "OpenInquiry", Map.of("idempotencyKey", "ana-1", "lineId", line, "message", "My rate looks wrong"))
			.path("openCommissionInquiry.inquiry.id").entity(String.class).isEqualTo(id);
		call(ana, "OpenInquiry", Map.of("idempotencyKey", "ana-1", "lineId", line, "message", "Something else"))
			.path("openCommissionInquiry.userErrors[0].code").entity(String.class).isEqualTo("IDEMPOTENCY_CONFLICT");
		// One thread per line while it is open: a second opening (another key, by the rep or by anyone) is refused and names it.
		GraphQlTester.Response again = call(ana, "OpenInquiry", Map.of("idempotencyKey", "ana-1b", "lineId", line, "message", "Still wrong"));
		again.path("openCommissionInquiry.inquiry").valueIsNull()
			.path("openCommissionInquiry.userErrors[0].code").entity(String.class).isEqualTo("INQUIRY_ALREADY_OPEN")
			.path("openCommissionInquiry.userErrors[0].message").entity(String.class).satisfies(message -> assertThat(message).contains(id));

		call(world.salesOps, "ReplyToInquiry", Map.of("idempotencyKey", "sam-1", "inquiryId", id, "message", "The base rate is 10 %"))
			.path("replyToCommissionInquiry.inquiry.status").entity(String.class).isEqualTo("ANSWERED");
		call(ana, "ReplyToInquiry", Map.of("idempotencyKey", "ana-2", "inquiryId", id, "message", "My contract says 10.625 %"))
			.path("replyToCommissionInquiry.inquiry.status").entity(String.class).isEqualTo("OPEN");
		GraphQlTester.Response resolved = call(world.salesOps, "ResolveInquiry", Map.of("idempotencyKey", "sam-2", "inquiryId", id, "message",
				"You are right", "adjustment", Map.of("amount", "250.00", "justification", "Contract rate 10.625 % on D-A")));
		resolved.path("resolveCommissionInquiry.inquiry.status").entity(String.class).isEqualTo("RESOLVED")
			.path("resolveCommissionInquiry.inquiry.messages[*].fromStaff").entityList(Boolean.class).containsExactly(false, true, false, true)
			.path("resolveCommissionInquiry.inquiry.adjustment.period").entity(String.class).isEqualTo("2026-04")
			.path("resolveCommissionInquiry.inquiry.adjustment.amount.amount").entity(String.class)
			.satisfies(amount -> assertThat(new BigDecimal(amount)).isEqualByComparingTo("250"));
		resolved.path("resolveCommissionInquiry.inquiry.closedAt").entity(String.class).satisfies(closed -> assertThat(closed).isNotBlank());
		call(ana, "ReplyToInquiry", Map.of("idempotencyKey", "ana-3", "inquiryId", id, "message", "Thanks"))
			.path("replyToCommissionInquiry.userErrors[0].code").entity(String.class).isEqualTo("INQUIRY_CLOSED");
		// Once it is resolved, the line may be disputed again.
		call(ana, "OpenInquiry", Map.of("idempotencyKey", "ana-4", "lineId", line, "message", "And the April split?"))
			.path("openCommissionInquiry.inquiry.status").entity(String.class).isEqualTo("OPEN");

		// The adjustment is on Ana's April statement, not on March's.
		world.run("april", "2026-04", Map.of());
		ana.documentName(DOCUMENT).operationName("StatementAdjustments").variable("rep", "ana").variable("period", "2026-04").execute()
			.path("commissionStatement.adjustments[0].inquiryId").entity(String.class).isEqualTo(id)
			.path("commissionStatement.adjustments[0].justification").entity(String.class).isEqualTo("Contract rate 10.625 % on D-A");
		ana.documentName(DOCUMENT).operationName("StatementAdjustments").variable("rep", "ana").variable("period", "2026-03").execute()
			.path("commissionStatement.adjustments").entityList(Object.class).hasSize(0);
		assertThat(database.inTransaction(world.tenant, db -> db.sql("SELECT after_image::text AS after FROM audit_log "
				+ "WHERE action = 'commissions.inquiry.resolved' AND actor = 'sam'").map(row -> row.get("after", String.class)).all().collectList())
			.block()).singleElement().satisfies(after -> assertThat(after).contains("Contract rate 10.625 % on D-A").contains("250.00"));
	}

	@Test
	void repBNeverSeesOrActsOnRepAsInquiriesAndAManagerSeesTheirTeamAsOfTheMonth() {
		CommissionsWorld world = world("inquiry-access");
		HttpGraphQlTester ana = world.as("ana-user", Role.REP);
		HttpGraphQlTester bob = world.as("bob-user", Role.REP);
		HttpGraphQlTester cleo = world.as("cleo-user", Role.REP);
		String anas = open(ana, "ana-1", lineOf(ana, "ana"));
		String cleos = open(cleo, "cleo-1", lineOf(cleo, "cleo"));

		bob.documentName(DOCUMENT).operationName("InquiryNode").variable("id", anas).execute().path("node").valueIsNull();
		bob.documentName(DOCUMENT).operationName("Inquiries").variable("period", "2026-03").execute()
			.path("commissionInquiries.totalCount").entity(Integer.class).isEqualTo(0);
		call(bob, "ReplyToInquiry", Map.of("idempotencyKey", "bob-1", "inquiryId", anas, "message", "Me too"))
			.path("replyToCommissionInquiry.userErrors[0].code").entity(String.class).isEqualTo("INQUIRY_NOT_FOUND")
			.path("replyToCommissionInquiry.inquiry").valueIsNull();
		call(bob, "OpenInquiry", Map.of("idempotencyKey", "bob-2", "lineId", lineOf(world.salesOps, "ana"), "message", "Hers is wrong"))
			.path("openCommissionInquiry.userErrors[0].code").entity(String.class).isEqualTo("LINE_NOT_FOUND");
		ana.documentName(DOCUMENT).operationName("Inquiries").variable("period", "2026-03").execute()
			.path("commissionInquiries.nodes[*].id").entityList(String.class).containsExactly(anas);

		// Max manages Ana in March; Cleo only from April.
		HttpGraphQlTester max = world.as("max-user", Role.MANAGER);
		max.documentName(DOCUMENT).operationName("Inquiries").variable("period", "2026-03").execute()
			.path("commissionInquiries.nodes[*].rep").entityList(String.class).containsExactly("ana");
		max.documentName(DOCUMENT).operationName("InquiryNode").variable("id", cleos).execute().path("node").valueIsNull();
		max.documentName(DOCUMENT).operationName("InquiryNode").variable("id", anas).execute().path("node.rep").entity(String.class).isEqualTo("ana");

		// SALES_OPS sees both, pages through them, and rejects Cleo's.
		GraphQlTester.Response first = world.salesOps.documentName(DOCUMENT).operationName("Inquiries").variable("period", "2026-03")
			.variable("first", 1).execute();
		first.path("commissionInquiries.totalCount").entity(Integer.class).isEqualTo(2)
			.path("commissionInquiries.nodes[*].id").entityList(String.class).containsExactly(anas);
		world.salesOps.documentName(DOCUMENT).operationName("Inquiries").variable("period", "2026-03").variable("first", 1)
			.variable("after", first.path("commissionInquiries.pageInfo.endCursor").entity(String.class).get()).execute()
			.path("commissionInquiries.nodes[*].id").entityList(String.class).containsExactly(cleos);
		call(world.salesOps, "RejectInquiry", Map.of("idempotencyKey", "sam-1", "inquiryId", cleos, "message", "The line is right"))
			.path("rejectCommissionInquiry.inquiry.status").entity(String.class).isEqualTo("REJECTED")
			.path("rejectCommissionInquiry.inquiry.adjustment").valueIsNull();

		// Another tenant's SALES_OPS sees nothing of them.
		CommissionsWorld other = new CommissionsWorld("http://127.0.0.1:" + port, tokens, newTenant("inquiry-other"));
		other.salesOps.documentName(DOCUMENT).operationName("InquiryNode").variable("id", anas).execute().path("node").valueIsNull();
		call(other.salesOps, "RejectInquiry", Map.of("idempotencyKey", "other-1", "inquiryId", anas, "message", "No"))
			.path("rejectCommissionInquiry.userErrors[0].code").entity(String.class).isEqualTo("INQUIRY_NOT_FOUND");
	}

	@Test
	void ageingCountsInquiriesByStatusAndTheOpenOnesByDaysWaited() {
		CommissionsWorld world = world("inquiry-ageing");
		HttpGraphQlTester ana = world.as("ana-user", Role.REP);
		HttpGraphQlTester bob = world.as("bob-user", Role.REP);
		HttpGraphQlTester cleo = world.as("cleo-user", Role.REP);
		// One inquiry per line while open, so three lines: Ana's, Bob's and Cleo's.
		String waiting = open(ana, "ana-1", lineOf(ana, "ana"));
		open(bob, "bob-1", lineOf(bob, "bob"));
		String rejected = open(cleo, "cleo-1", lineOf(cleo, "cleo"));
		call(world.salesOps, "RejectInquiry", Map.of("idempotencyKey", "sam-1", "inquiryId", rejected, "message", "No"))
			.path("rejectCommissionInquiry.userErrors").entityList(Object.class).hasSize(0);
		// One inquiry opened ten days ago (as the test's superuser would back-date it).
		database.inTransaction(world.tenant, db -> db.sql("UPDATE commission_inquiry SET opened_at = now() - interval '10 days 1 hour' WHERE id = :id")
			.bind("id", com.performanceos.platform.graphql.GlobalId.decode(waiting, "CommissionInquiry").orElseThrow()).fetch().rowsUpdated()).block();

		world.finance.documentName(DOCUMENT).operationName("InquiryAgeing").execute()
			.path("commissionInquiryAgeing.open").entity(Integer.class).isEqualTo(2)
			.path("commissionInquiryAgeing.rejected").entity(Integer.class).isEqualTo(1)
			.path("commissionInquiryAgeing.oldestOpenDays").entity(Integer.class).isEqualTo(10)
			.path("commissionInquiryAgeing.buckets[*].count").entityList(Integer.class).containsExactly(1, 0, 1, 0);
		ana.documentName(DOCUMENT).operationName("InquiryAgeing").execute()
			.errors().satisfy(errors -> assertThat(errors).isNotEmpty()
				.allSatisfy(error -> assertThat(error.getExtensions()).containsEntry("code", "FORBIDDEN")));
	}

}
