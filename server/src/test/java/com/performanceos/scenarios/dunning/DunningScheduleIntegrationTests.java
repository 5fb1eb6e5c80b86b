package com.performanceos.scenarios.dunning;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

import com.performanceos.platform.security.Role;
import com.performanceos.testsupport.IntegrationTest;
import com.performanceos.testsupport.TestServices;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scheduled run sends each tenant's reminders on their day with nobody calling {@code runDunning}: the clock is
 * moved day by day, as the schedule's ticks would find it.
 *
 * <pre>
 * Cadence SMB: J-3 courtesy, J+7 reminder. Invoice T-1 of 900.00 EUR, due 2026-03-10.
 * 03-06: nothing (J-4). 03-07: the courtesy note (J-3). 03-07 again: nothing more. 03-17: the reminder (J+7).
 * </pre>
 */
class DunningScheduleIntegrationTests extends IntegrationTest {

	@Autowired
	DunningSchedule schedule;

	@Test
	void theScheduledRunSendsEachStepOnItsDayOnceAndAuditsItAsTheSchedule() throws Exception {
		String tenant = newTenant("dunning-schedule");
		String domain = tenant + ".example.com";
		GraphQlTester finance = graphQl(tenant, Role.FINANCE);
		finance.document("mutation($input: SetDunningCadenceInput!) { setDunningCadence(input: $input) { userErrors { code } } }")
			.variable("input", Map.of("segment", "SMB", "steps", List.of(Map.of("offsetDays", -3, "channel", "EMAIL", "tone", "COURTESY"),
					Map.of("offsetDays", 7, "channel", "EMAIL", "tone", "REMINDER"))))
			.execute().path("setDunningCadence.userErrors").entityList(Object.class).hasSize(0);
		finance.document("mutation($input: SetDunningContactInput!) { setDunningContact(input: $input) { userErrors { code } } }")
			.variable("input", Map.of("customerCode", "T1", "segment", "SMB", "email", "t1@" + domain, "language", "EN"))
			.execute().path("setDunningContact.userErrors").entityList(Object.class).hasSize(0);
		Map<String, Object> invoice = new LinkedHashMap<>();
		invoice.put("idempotencyKey", "inv-T-1");
		invoice.put("kind", "CUSTOMER");
		invoice.put("number", "T-1");
		invoice.put("counterpartyCode", "T1");
		invoice.put("counterpartyName", "Customer T1");
		invoice.put("region", "FR");
		invoice.put("issueDate", "2026-02-01");
		invoice.put("dueDate", "2026-03-10");
		invoice.put("amount", "900.00");
		invoice.put("currency", "EUR");
		finance.documentName("receivablesCreateInvoice").variable("input", invoice).execute()
			.path("createInvoice.invoice.id").entity(String.class).get();

		schedule.runAll(on("2026-03-06")).block();
		assertThat(mails(domain)).isEmpty();
		schedule.runAll(on("2026-03-07")).block();
		schedule.runAll(on("2026-03-07")).block();
		assertThat(mails(domain)).extracting(MimeMessage::getSubject).singleElement().asString().contains("T-1");
		schedule.runAll(on("2026-03-17")).block();
		assertThat(mails(domain)).hasSize(2);

		GraphQlTester auditor = graphQl(tenant, Role.AUDITOR);
		auditor.document("query { dunningMessages(invoiceNumber: \"T-1\", first: 10) { nodes { tone status scheduledOn } } }").execute()
			.path("dunningMessages.nodes[*].tone").entityList(String.class).containsExactly("COURTESY", "REMINDER")
			.path("dunningMessages.nodes[*].status").entityList(String.class).containsExactly("SENT", "SENT")
			.path("dunningMessages.nodes[*].scheduledOn").entityList(String.class).containsExactly("2026-03-07", "2026-03-17");
		auditor.document("query { auditLog(first: 10, action: \"scenarios.dunning.sent\") { nodes { actor } } }").execute()
			.path("auditLog.nodes[*].actor").entityList(String.class).containsExactly(DunningSchedule.ACTOR, DunningSchedule.ACTOR);
	}

	private static Clock on(String day) {
		return Clock.fixed(Instant.parse(day + "T08:00:00Z"), ZoneOffset.UTC);
	}

	private static MimeMessage[] mails(String domain) {
		return TestServices.shared().smtp().getReceivedMessagesForDomain(domain);
	}

}
